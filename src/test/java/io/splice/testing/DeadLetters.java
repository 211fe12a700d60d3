package io.splice.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

/** Reads (without consuming) what a dead-letter queue holds. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public record DeadLetter(String sourceKey, String reason, String errorClass, String body) {
    }

    public static List<DeadLetter> browse(ConnectionFactory factory, String queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            List<DeadLetter> letters = new ArrayList<>();
            List<?> found = Collections.list(browser.getEnumeration());
            for (Object element : found) {
                Message message = (Message) element;
                letters.add(new DeadLetter(message.getStringProperty("SpliceSourceKey"),
                        message.getStringProperty("SpliceReason"), message.getStringProperty("SpliceErrorClass"),
                        message.getBody(String.class)));
            }
            return letters;
        }
    }
}
