-- One keyset page of addresses, with the project's code the target needs (null when the project is missing)
select a.id, a.project_id, p.code as project_code, a.street, a.house_number, a.postcode, a.city, a.homes_passed
  from addresses a
  left join projects p on p.id = a.project_id
 where a.id > :#spliceLastKey
 order by a.id
 limit :#splicePageSize
