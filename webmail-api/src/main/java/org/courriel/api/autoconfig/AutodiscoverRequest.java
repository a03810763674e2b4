package org.courriel.api.autoconfig;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.courriel.api.problem.ApiException;

/**
 * An Autodiscover request ([MS-OXDSCLI] §2.2.3): {@code Autodiscover/Request/EMailAddress} and the
 * {@code AcceptableResponseSchema} the client reads.
 * The body comes from anyone on the network, so the parser is hardened: a document type declaration is
 * refused outright (no DTD, hence no entity of any kind: no XXE, no entity expansion bomb), external DTDs
 * and schemas may not be fetched, and nesting is bounded. Pure: bytes in, record out.
 *
 * @param emailAddress             the address as sent (not yet checked)
 * @param acceptableResponseSchema the schema the client asks for, or null when it names none
 */
public record AutodiscoverRequest(String emailAddress, String acceptableResponseSchema) {

    /** Deeper than any honest request (which nests three levels). */
    static final int MAX_DEPTH = 16;

    static final String FIELD = "EMailAddress";
    static final String SCHEMA_FIELD = "AcceptableResponseSchema";

    /** Whether the client reads the only answer there is: Outlook's response schema 2006a. */
    public boolean acceptsOutlookSchema() {
        return acceptableResponseSchema == null || acceptableResponseSchema.equals(AutodiscoverResponse.OUTLOOK_NS);
    }

    /** The request in a body; 400 when the body is not such a request. */
    public static AutodiscoverRequest parse(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            String address = null;
            String schema = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw invalid("a document type declaration is not allowed in an Autodiscover request");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > MAX_DEPTH) {
                            throw invalid("the Autodiscover request is nested too deeply");
                        }
                        if (address == null && FIELD.equals(reader.getLocalName())) {
                            address = reader.getElementText().strip(); // reads up to the END_ELEMENT
                            depth--;
                        } else if (schema == null && SCHEMA_FIELD.equals(reader.getLocalName())) {
                            schema = reader.getElementText().strip();
                            depth--;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                        // text, comments, processing instructions: not needed
                    }
                }
            }
            if (address == null || address.isEmpty()) {
                throw invalid("the Autodiscover request has no EMailAddress");
            }
            return new AutodiscoverRequest(address, schema);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid("the body is not a well-formed Autodiscover request");
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static ApiException invalid(String detail) {
        return ApiException.invalid(FIELD, detail);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was held but the byte array
            }
        }
    }
}
