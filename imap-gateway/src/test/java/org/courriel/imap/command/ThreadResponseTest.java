package org.courriel.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.store.sort.ThreadNode.dummy;
import static org.courriel.store.sort.ThreadNode.of;

import org.courriel.store.sort.ThreadNode;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5256 §4: the THREAD response's own examples, and what ORDEREDSUBJECT's flat threads look like. */
class ThreadResponseTest {

    @Test
    void chainsAreNumbersAndSplitsAreNestedLists() {
        // S: * THREAD (2)(3 6 (4 23)(44 7 96))
        var threads = List.of(of(2), of(3, of(6, of(4, of(23)), of(44, of(7, of(96))))));
        assertThat(ThreadResponse.of(threads, uid -> uid)).isEqualTo("THREAD (2)(3 6 (4 23)(44 7 96))");
    }

    @Test
    void aDummyIsWrittenByItsChildren() {
        // S: * THREAD ((3)(5))
        assertThat(ThreadResponse.of(List.of(dummy(of(3), of(5))), uid -> uid)).isEqualTo("THREAD ((3)(5))");
        assertThat(ThreadResponse.of(List.of(dummy(of(1), of(2, of(3)))), uid -> uid)).isEqualTo("THREAD ((1)(2 3))");
    }

    @Test
    void orderedSubjectThreadsAreARootAndItsChildren() {
        assertThat(ThreadResponse.of(List.of(of(174, of(175), of(176)), of(194, of(195))), uid -> uid))
                .isEqualTo("THREAD (174 (175)(176))(194 195)");
    }

    @Test
    void numbersAreWhatTheClientSees() {
        assertThat(ThreadResponse.of(List.of(of(10, of(20))), uid -> uid / 10)).isEqualTo("THREAD (1 2)");
        assertThat(ThreadResponse.of(List.of(), uid -> uid)).isEqualTo("THREAD");
    }

    @Test
    void deepSplitsNeedNoDeepStack() {
        // every level splits into a leaf and the rest: nested lists 10,000 deep
        ThreadNode node = of(0);
        for (int i = 1; i < 10_000; i++) {
            node = new ThreadNode((long) 2 * i, List.of(of(2L * i + 1), node));
        }
        String text = ThreadResponse.of(List.of(node), uid -> uid);
        assertThat(text).startsWith("THREAD (19998 (19999)(19996 (19997)(").endsWith("(0)" + ")".repeat(9_999));
    }
}
