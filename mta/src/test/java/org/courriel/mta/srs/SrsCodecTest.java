package org.courriel.mta.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SRS address format, as a table: encode, decode, SRS1 of SRS0, case, expiry, forgery. */
class SrsCodecTest {

    private static final byte[] KEY = "the first secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another secret".getBytes(StandardCharsets.UTF_8);
    private static final long DAY = 20_424; // 2025-12-02

    @ParameterizedTest(name = "{0} at {1} decodes back")
    @CsvSource({
            "alice@crepes.example,       fwd.example",
            "a.b-c+d@sub.crepes.example, fwd.example",
            "odd=local@crepes.example,   fwd.example",
            "SRS0=abcdef=XY@crepes.example, fwd.example"})
    void aRewrittenSenderDecodesToTheOriginal(String sender, String forwarder) {
        String srs = SrsCodec.forward(sender, forwarder, KEY, DAY);
        assertThat(srs).endsWith("@" + forwarder);
        assertThat(SrsCodec.reverse(local(srs), List.of(KEY), DAY, 21))
                .isEqualTo(new SrsDecoding.Original(sender));
    }

    @Test
    void srs0HasTheHashTheDayTheDomainAndTheLocalPart() {
        String srs = SrsCodec.forward("alice@crepes.example", "fwd.example", KEY, DAY);
        String[] fields = local(srs).split("=");
        assertThat(fields[0]).isEqualTo("SRS0");
        assertThat(fields[1]).hasSize(SrsCodec.HASH_LENGTH);
        assertThat(fields[2]).isEqualTo(SrsCodec.timestamp(DAY)).hasSize(2);
        assertThat(fields[3]).isEqualTo("crepes.example");
        assertThat(fields[4]).isEqualTo("alice");
    }

    @ParameterizedTest(name = "day {0} is {1}")
    @CsvSource({"0, AA", "31, A7", "32, BA", "1023, 77", "1024, AA", "20424, 6I"})
    void theTimestampIsTheDayMod1024InBase32(long day, String timestamp) {
        assertThat(SrsCodec.timestamp(day)).isEqualTo(timestamp);
        assertThat(SrsCodec.day(timestamp.toLowerCase(Locale.ROOT))).isEqualTo((int) (day % 1024));
    }

    @Test
    void anSrs0OfAnotherForwarderBecomesSrs1AndGoesBackToIt() {
        String first = SrsCodec.forward("alice@crepes.example", "first.example", OTHER, DAY);
        String second = SrsCodec.forward(first, "fwd.example", KEY, DAY);
        assertThat(second).startsWith("SRS1=").endsWith("@fwd.example")
                .contains("=first.example==" + local(first).substring(5));
        assertThat(SrsCodec.reverse(local(second), List.of(KEY), DAY, 21))
                .isEqualTo(new SrsDecoding.Original(first));
        // a third forwarder keeps the first forwarder and the SRS0 part: the address does not grow
        String third = SrsCodec.forward(second, "third.example", OTHER, DAY);
        assertThat(local(third).length()).isEqualTo(local(second).length());
        assertThat(SrsCodec.reverse(local(third), List.of(OTHER), DAY, 21))
                .isEqualTo(new SrsDecoding.Original(first));
    }

    @Test
    void theHashIsCheckedWithoutRegardToCase() {
        String srs = local(SrsCodec.forward("Alice@Crepes.Example", "fwd.example", KEY, DAY));
        assertThat(SrsCodec.reverse(srs.toLowerCase(Locale.ROOT), List.of(KEY), DAY, 21))
                .isEqualTo(new SrsDecoding.Original("alice@crepes.example"));
        assertThat(SrsCodec.reverse(srs.toUpperCase(Locale.ROOT), List.of(KEY), DAY, 21))
                .isInstanceOf(SrsDecoding.Original.class);
    }

    @ParameterizedTest(name = "{1} days later: valid {2}")
    @CsvSource({"21, 0, true", "21, 21, true", "21, 22, false", "21, 1000, false", "5, 6, false",
            "21, 1023, false",
            // 1025 days later the timestamp reads as a day old: the scheme's known wrap (Shevek §3.3)
            "21, 1025, true"})
    void anAddressOlderThanTheMaximumAgeIsRefused(int maxAge, int later, boolean valid) {
        String srs = local(SrsCodec.forward("alice@crepes.example", "fwd.example", KEY, DAY));
        SrsDecoding d = SrsCodec.reverse(srs, List.of(KEY), DAY + later, maxAge);
        if (valid) {
            assertThat(d).isEqualTo(new SrsDecoding.Original("alice@crepes.example"));
        } else {
            assertThat(d).isInstanceOf(SrsDecoding.Invalid.class);
        }
    }

    @Test
    void aRotatedKeyStillDecodesWhatItSigned() {
        String srs = local(SrsCodec.forward("alice@crepes.example", "fwd.example", OTHER, DAY));
        assertThat(SrsCodec.reverse(srs, List.of(KEY, OTHER), DAY, 21))
                .isEqualTo(new SrsDecoding.Original("alice@crepes.example"));
        assertThat(SrsCodec.reverse(srs, List.of(KEY), DAY, 21)).isInstanceOf(SrsDecoding.Invalid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SRS0=AAAAAA=6I=crepes.example=alice",      // forged hash
            "SRS0=6I=crepes.example=alice",             // no hash
            "SRS0=AAAAAA=6!=crepes.example=alice",      // bad timestamp
            "SRS0=AAAAAA=6I==alice",                    // no domain
            "SRS0=AAAAAA=6I=crepes.example=",           // no local part
            "SRS1=AAAAAA=first.example==x=6I=d=l",      // forged SRS1
            "SRS1=AAAAAA",                              // malformed SRS1
            "SRS1=AAAAAA==x"})                          // SRS1 without host
    void aForgedOrMalformedAddressIsInvalid(String local) {
        assertThat(SrsCodec.reverse(local, List.of(KEY), DAY, 21)).isInstanceOf(SrsDecoding.Invalid.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alice", "srs", "SRS0", "srs2=a=b=c", "postmaster"})
    void anOrdinaryLocalPartIsNoSrsAddress(String local) {
        assertThat(SrsCodec.reverse(local, List.of(KEY), DAY, 21)).isEqualTo(new SrsDecoding.NotSrs());
    }

    @Test
    void otherForwardersSeparatorsAreRead() {
        String srs = local(SrsCodec.forward("alice@crepes.example", "fwd.example", KEY, DAY));
        assertThat(SrsCodec.reverse("SRS0+" + srs.substring(5), List.of(KEY), DAY, 21))
                .isEqualTo(new SrsDecoding.Original("alice@crepes.example"));
    }

    private static String local(String address) {
        return address.substring(0, address.lastIndexOf('@'));
    }
}
