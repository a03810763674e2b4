package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents mail clients configure themselves from, fetched without credentials from the real server
 * and read as the clients read them: Mozilla's clientConfig 1.1, Autodiscover POX (Outlook 2006a) and an
 * Apple profile. The public host and ports are configured apart from the bind ports, and must be what the
 * documents say. (Thunderbird's own account-setup code cannot run headless here: the XML is checked against
 * Mozilla's documented format instead.)
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"courriel.hostname=bind.courriel.test", "courriel.client-config.host=mail.public.test",
                "courriel.client-config.imap-port=10993", "courriel.client-config.imap-starttls-port=10143",
                "courriel.client-config.pop3-port=10995", "courriel.client-config.pop3-starttls-port=10110",
                "courriel.client-config.submission-port=10465",
                "courriel.client-config.submission-starttls-port=10587",
                "courriel.client-config.max-request-size=2KB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAutoconfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "mail.public.test";

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    String domain;
    String bob;
    private final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    @BeforeAll
    void hostedDomain() {
        domain = "auto-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        bob = "bob@" + domain;
        accounts.create(bob, "correct horse battery", "Bob", 0);
    }

    @Test
    void mozillaAutoconfigDescribesImapAndSubmissionWithTheAddressAsUserName() throws Exception {
        for (String path : List.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml")) {
            HttpResponse<byte[]> r = get(path + "?emailaddress=" + encode(bob));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/xml");
            Element config = parse(r.body()).getDocumentElement();
            assertThat(config.getTagName()).isEqualTo("clientConfig");
            assertThat(config.getAttribute("version")).isEqualTo("1.1");
            Element provider = only(config, "emailProvider");
            assertThat(provider.getAttribute("id")).isEqualTo(domain);
            assertThat(texts(provider, "domain")).containsExactly(domain);

            List<Element> incoming = children(provider, "incomingServer");
            assertThat(incoming).extracting(e -> e.getAttribute("type")).containsExactly("imap", "imap", "pop3", "pop3");
            assertMozillaServer(incoming.get(0), 10993, "SSL");
            assertMozillaServer(incoming.get(1), 10143, "STARTTLS");
            assertMozillaServer(incoming.get(2), 10995, "SSL");
            assertMozillaServer(incoming.get(3), 10110, "STARTTLS");
            List<Element> outgoing = children(provider, "outgoingServer");
            assertThat(outgoing).extracting(e -> e.getAttribute("type")).containsExactly("smtp", "smtp");
            assertMozillaServer(outgoing.get(0), 10465, "SSL");
            assertMozillaServer(outgoing.get(1), 10587, "STARTTLS");
        }
    }

    private static void assertMozillaServer(Element server, int port, String socketType) {
        assertThat(text(server, "hostname")).isEqualTo(HOST);
        assertThat(text(server, "port")).isEqualTo(Integer.toString(port));
        assertThat(text(server, "socketType")).isEqualTo(socketType);
        assertThat(text(server, "username")).isEqualTo("%EMAILADDRESS%");
        assertThat(text(server, "authentication")).isEqualTo("password-cleartext");
    }

    @Test
    void autodiscoverAnswersOutlooksRequestWithImapAndSmtpProtocols() throws Exception {
        String request = """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress>%s</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """.formatted("Bob@" + domain.toUpperCase());
        HttpResponse<byte[]> r = post("/autodiscover/autodiscover.xml", request.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertAutodiscover(r.body());

        // Outlook's capitalised spelling, and a GET with the address as a parameter
        assertAutodiscover(post("/Autodiscover/Autodiscover.xml", request.getBytes(StandardCharsets.UTF_8)).body());
        HttpResponse<byte[]> g = get("/autodiscover/autodiscover.xml?emailaddress=" + encode(bob));
        assertThat(g.statusCode()).isEqualTo(200);
        assertAutodiscover(g.body());
    }

    private void assertAutodiscover(byte[] body) throws Exception {
        Element root = parse(body).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Autodiscover");
        assertThat(root.getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
        Element response = only(root, "Response");
        assertThat(response.getNamespaceURI())
                .isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a");
        Element account = only(response, "Account");
        assertThat(text(account, "AccountType")).isEqualTo("email");
        assertThat(text(account, "Action")).isEqualTo("settings");
        List<String> protocols = new ArrayList<>();
        for (Element p : children(account, "Protocol")) {
            assertThat(text(p, "Server")).isEqualTo(HOST);
            assertThat(text(p, "LoginName")).isEqualTo(bob);
            assertThat(text(p, "SPA")).isEqualTo("off");
            assertThat(text(p, "AuthRequired")).isEqualTo("on");
            protocols.add(text(p, "Type") + " " + text(p, "Port") + " " + text(p, "Encryption"));
        }
        assertThat(protocols).containsExactly("IMAP 10993 SSL", "IMAP 10143 TLS", "POP3 10995 SSL", "POP3 10110 TLS",
                "SMTP 10465 SSL", "SMTP 10587 TLS");
    }

    @Test
    void appleProfileCarriesAManagedMailPayload() throws Exception {
        HttpResponse<byte[]> r = get("/apple/courriel.mobileconfig?emailaddress=" + encode(bob));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/x-apple-aspen-config");
        assertThat(r.headers().firstValue("content-disposition").orElse("")).contains("attachment");
        Element plist = parse(r.body()).getDocumentElement();
        assertThat(plist.getTagName()).isEqualTo("plist");
        Map<String, Object> profile = dict(only(plist, "dict"));
        assertThat(profile).containsEntry("PayloadType", "Configuration").containsEntry("PayloadVersion", 1L)
                .containsKeys("PayloadUUID", "PayloadIdentifier", "PayloadDisplayName");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) profile.get("PayloadContent");
        assertThat(content).hasSize(1);
        assertThat(content.getFirst())
                .containsEntry("PayloadType", "com.apple.mail.managed")
                .containsEntry("PayloadVersion", 1L)
                .containsEntry("EmailAccountType", "EmailTypeIMAP")
                .containsEntry("EmailAddress", bob)
                .containsEntry("IncomingMailServerHostName", HOST)
                .containsEntry("IncomingMailServerPortNumber", 10993L)
                .containsEntry("IncomingMailServerUseSSL", true)
                .containsEntry("IncomingMailServerUsername", bob)
                .containsEntry("IncomingMailServerAuthentication", "EmailAuthPassword")
                .containsEntry("OutgoingMailServerHostName", HOST)
                .containsEntry("OutgoingMailServerPortNumber", 10465L)
                .containsEntry("OutgoingMailServerUseSSL", true)
                .containsEntry("OutgoingMailServerUsername", bob)
                .containsEntry("OutgoingMailServerAuthentication", "EmailAuthPassword")
                .containsEntry("OutgoingPasswordSameAsIncomingPassword", true)
                .containsKeys("PayloadUUID", "PayloadIdentifier");
        assertThat(content.getFirst().get("PayloadUUID")).isNotEqualTo(profile.get("PayloadUUID"));
    }

    @Test
    void withoutAnAddressMozillaAutoconfigTakesTheDomainFromTheHost() throws Exception {
        byte[] withAddress = get("/mail/config-v1.1.xml?emailaddress=" + encode(bob)).body();
        RawHttp.Response r = rawGet("/mail/config-v1.1.xml", "autoconfig." + domain.toUpperCase());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(withAddress);
        r = rawGet("/.well-known/autoconfig/mail/config-v1.1.xml", domain + ":" + port);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(withAddress);

        assertThat(rawGet("/mail/config-v1.1.xml", "autoconfig.unhosted.example.com").status()).isEqualTo(404);
        RawHttp.Response literal = rawGet("/mail/config-v1.1.xml", "[::1]");
        assertThat(literal.status()).isEqualTo(400);
        assertThat(literal.contentType()).startsWith("application/problem+json");
        // the other formats need the address itself
        assertProblem(get("/apple/courriel.mobileconfig"), 400, "no emailaddress");
        assertProblem(get("/autodiscover/autodiscover.xml"), 400, "no emailaddress");
    }

    private RawHttp.Response rawGet(String path, String host) throws IOException {
        return new RawHttp(port).send(("GET " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswer() throws Exception {
        String nobody = "nobody-" + System.nanoTime() + "@" + domain;
        String mozilla = "/mail/config-v1.1.xml?emailaddress=";
        assertThat(get(mozilla + encode(nobody)).body()).isEqualTo(get(mozilla + encode(bob)).body());
        String autodiscover = "/autodiscover/autodiscover.xml?emailaddress=";
        HttpResponse<byte[]> r = get(autodiscover + encode(nobody));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8).replace(nobody, bob))
                .isEqualTo(new String(get(autodiscover + encode(bob)).body(), StandardCharsets.UTF_8));
        assertThat(get("/apple/courriel.mobileconfig?emailaddress=" + encode(nobody)).statusCode()).isEqualTo(200);
    }

    @Test
    void theAddressIsEscapedInTheDocuments() throws Exception {
        String odd = "o'hara&co{x}@" + domain;
        for (String path : List.of("/autodiscover/autodiscover.xml", "/apple/courriel.mobileconfig")) {
            HttpResponse<byte[]> r = get(path + "?emailaddress=" + encode(odd));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains("o&apos;hara&amp;co{x}@");
            assertThat(textContent(parse(r.body()))).as(path).contains(odd);
        }
    }

    @Test
    void anUnhostedDomainIsNotFound() throws Exception {
        String other = "bob@not-hosted-" + System.nanoTime() + ".example.com";
        for (String path : List.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml",
                "/autodiscover/autodiscover.xml", "/apple/courriel.mobileconfig")) {
            assertProblem(get(path + "?emailaddress=" + encode(other)), 404, path);
        }
        assertProblem(post("/autodiscover/autodiscover.xml", autodiscoverRequest(other)), 404, "POST");
    }

    @Test
    void aMalformedOrMissingAddressIsABadRequest() throws Exception {
        for (String address : List.of("not-an-address", "@" + domain, "bob@", "a b@" + domain, "bob@localhost",
                "x".repeat(65) + "@" + domain)) {
            for (String path : List.of("/mail/config-v1.1.xml", "/autodiscover/autodiscover.xml",
                    "/apple/courriel.mobileconfig")) {
                assertProblem(get(path + "?emailaddress=" + encode(address)), 400, path + " " + address);
            }
            assertProblem(post("/autodiscover/autodiscover.xml", autodiscoverRequest(address)), 400, address);
        }
        assertProblem(post("/autodiscover/autodiscover.xml", "<Autodiscover/>".getBytes(StandardCharsets.UTF_8)),
                400, "no EMailAddress");
        assertProblem(post("/autodiscover/autodiscover.xml", "<Autodiscover><Request>".getBytes(StandardCharsets.UTF_8)),
                400, "cut short");
        assertProblem(post("/autodiscover/autodiscover.xml", new byte[0]), 400, "empty body");
        // Exchange ActiveSync clients ask for another schema, which Courriel does not offer
        assertProblem(post("/autodiscover/autodiscover.xml", ("<Autodiscover><Request><EMailAddress>" + bob
                + "</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/"
                + "mobilesync/responseschema/2006</AcceptableResponseSchema></Request></Autodiscover>")
                .getBytes(StandardCharsets.UTF_8)), 400, "mobilesync");
    }

    @Test
    void anUndecodableParameterIsABadRequest() throws Exception {
        for (String query : List.of("emailaddress=%ZZ", "emailaddress=bob%ff%fe@" + domain, "emailaddress=%",
                "emailaddress=" + "a".repeat(6000) + "@" + domain)) {
            RawHttp.Response r = rawGet("/apple/courriel.mobileconfig?" + query, "127.0.0.1");
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void anInternationalisedAddressIsDescribedInUtf8() throws Exception {
        String address = "j\u00e9r\u00f4me@" + domain; // RFC 6531 local part
        HttpResponse<byte[]> r = get("/apple/courriel.mobileconfig?emailaddress=" + encode(address));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(textContent(parse(r.body()))).contains(address);
        r = get("/autodiscover/autodiscover.xml?emailaddress=" + encode(address));
        assertThat(textContent(parse(r.body()))).contains(address);
    }

    @Test
    void anExternalEntityInAnAutodiscoverRequestIsRefusedUnread(@TempDir Path dir) throws Exception {
        // Were the entity resolved, the request would name bob's address and be answered 200 with it.
        Path secret = Files.writeString(dir.resolve("secret.txt"), bob);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Autodiscover [<!ENTITY address SYSTEM "%s">]>
                <Autodiscover><Request><EMailAddress>&address;</EMailAddress></Request></Autodiscover>
                """.formatted(secret.toUri());
        HttpResponse<byte[]> r = post("/autodiscover/autodiscover.xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 400, "XXE");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(bob);

        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE Autodiscover [<!ENTITY %% p SYSTEM "%s"> %%p;]>
                <Autodiscover><Request><EMailAddress>%s</EMailAddress></Request></Autodiscover>
                """.formatted(secret.toUri(), bob);
        assertProblem(post("/autodiscover/autodiscover.xml", parameterEntity.getBytes(StandardCharsets.UTF_8)),
                400, "parameter entity");

        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE a [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;">
                <!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;">]>
                <Autodiscover><Request><EMailAddress>&l3;</EMailAddress></Request></Autodiscover>
                """;
        assertProblem(post("/autodiscover/autodiscover.xml", laughs.getBytes(StandardCharsets.UTF_8)), 400,
                "entity expansion");
    }

    @Test
    void anOversizeAutodiscoverRequestIsRefused() throws Exception {
        byte[] padded = ("<Autodiscover><Request><EMailAddress>" + bob + "</EMailAddress></Request>"
                + "<!--" + "x".repeat(4096) + "--></Autodiscover>").getBytes(StandardCharsets.UTF_8);
        assertProblem(post("/autodiscover/autodiscover.xml", padded), 413, "declared length");
        // chunked: no length declared, the limit applies while reading
        HttpRequest chunked = HttpRequest.newBuilder(uri("/autodiscover/autodiscover.xml"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))).build();
        assertProblem(http.send(chunked, HttpResponse.BodyHandlers.ofByteArray()), 413, "chunked");
        // the server lives on
        assertThat(post("/autodiscover/autodiscover.xml", autodiscoverRequest(bob)).statusCode()).isEqualTo(200);
    }

    @Test
    void credentialsSentAlongAreIgnored() throws Exception {
        // Outlook may send the user's credentials with its Autodiscover POST: wrong ones change nothing here
        String wrong = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((bob + ":wrong password").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri("/autodiscover/autodiscover.xml"))
                .header("Content-Type", "text/xml").header("Authorization", wrong)
                .POST(HttpRequest.BodyPublishers.ofByteArray(autodiscoverRequest(bob))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("www-authenticate")).isEmpty();
        assertThat(r.headers().firstValue("set-cookie")).isEmpty();
        // while the API next door still wants them
        assertThat(get("/api/v1/account").statusCode()).isEqualTo(401);
    }

    // --- HTTP and XML helpers

    private void assertProblem(HttpResponse<byte[]> r, int status, String what) throws IOException {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as("%s: %s", what, body).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
    }

    private byte[] autodiscoverRequest(String address) {
        return ("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + address.replace("&", "&amp;").replace("<", "&lt;")
                + "</EMailAddress></Request></Autodiscover>").getBytes(StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A namespace-aware parser that fetches nothing (the plist's DOCTYPE names Apple's DTD by URL). */
    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.getFirst();
    }

    private static String text(Element parent, String name) {
        return only(parent, name).getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).toList();
    }

    private static String textContent(Document d) {
        return d.getDocumentElement().getTextContent();
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** A plist dict: key elements each followed by their value (string, integer, true, false, array, dict). */
    private static Map<String, Object> dict(Element dict) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Element> items = elements(dict);
        assertThat(items.size() % 2).as("keys and values pair up").isZero();
        for (int i = 0; i < items.size(); i += 2) {
            assertThat(items.get(i).getTagName()).isEqualTo("key");
            Object previous = map.put(items.get(i).getTextContent(), value(items.get(i + 1)));
            assertThat(previous).as("duplicate key %s", items.get(i).getTextContent()).isNull();
        }
        return map;
    }

    private static Object value(Element e) {
        return switch (e.getTagName()) {
            case "string" -> e.getTextContent();
            case "integer" -> Long.parseLong(e.getTextContent());
            case "true" -> true;
            case "false" -> false;
            case "dict" -> dict(e);
            case "array" -> elements(e).stream().map(ClientAutoconfigTest::value).toList();
            default -> throw new AssertionError("not a plist value: " + e.getTagName());
        };
    }
}
