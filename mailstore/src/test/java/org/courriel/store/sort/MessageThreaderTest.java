package org.courriel.store.sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courriel.store.sort.ThreadNode.dummy;
import static org.courriel.store.sort.ThreadNode.of;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5256 §3: each rule of ORDEREDSUBJECT and of REFERENCES' six steps on a small mailbox of its own. */
class MessageThreaderTest {

    private final List<ThreadMessage> box = new ArrayList<>();

    /** Message uid, sent on day {@code day}, with a subject as the header has it, an ID and references. */
    private void message(long uid, int day, String subject, String id, String... refs) {
        BaseSubject base = BaseSubject.of(subject);
        box.add(new ThreadMessage(uid, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(day * 86400L),
                UnicodeCasemap.canonical(base.text()), base.replyOrForward(), id, List.of(refs)));
    }

    private List<ThreadNode> references() {
        return MessageThreader.references(box);
    }

    @Test
    void orderedSubjectGroupsByBaseSubjectAndHasNoGrandchildren() {
        message(1, 5, "beta", null);
        message(2, 1, "Alpha", null);
        message(3, 3, "Re: alpha", null);
        message(4, 2, "Re: ALPHA", null);
        message(5, 4, "gamma", null);
        message(6, 6, "Re: beta", null);
        // threads by the date of their first message: alpha (day 1), gamma (4), beta (5)
        assertThat(MessageThreader.orderedSubject(box))
                .containsExactly(of(2, of(4), of(3)), of(5), of(1, of(6)));
    }

    @Test
    void referencesChainParentsAndChildren() {
        message(1, 1, "a", "<1@x>");
        message(2, 2, "b", "<2@x>", "<1@x>");
        message(3, 3, "c", "<3@x>", "<1@x>", "<2@x>");
        message(4, 4, "d", "<4@x>", "<1@x>");
        assertThat(references()).containsExactly(of(1, of(2, of(3)), of(4)));
    }

    @Test
    void siblingsOfAMissingParentStayUnderADummyAtTheRoot() {
        // RFC 5256 §4: THREAD ((3)(5))
        message(3, 1, "x", "<3@x>", "<gone@x>");
        message(5, 2, "y", "<5@x>", "<gone@x>");
        assertThat(references()).containsExactly(dummy(of(3), of(5)));
    }

    @Test
    void aDummyWithOneChildIsPromotedAndEmptyDummiesGo() {
        message(1, 1, "x", "<1@x>", "<gone1@x>", "<gone2@x>");
        assertThat(references()).containsExactly(of(1));
    }

    @Test
    void aDummyBelowTheRootGivesWayToItsChildren() {
        message(1, 1, "top", "<1@x>");
        message(2, 2, "u", "<2@x>", "<1@x>", "<gone@x>");
        message(3, 3, "v", "<3@x>", "<1@x>", "<gone@x>");
        assertThat(references()).containsExactly(of(1, of(2), of(3)));
    }

    @Test
    void theLastReferenceReplacesAParentATruncatedReferencesGave() {
        // 1 says <b> is a child of <a>; 2 is <b> and says its parent is <z>
        message(1, 2, "one", "<c@x>", "<a@x>", "<b@x>");
        message(2, 1, "two", "<b@x>", "<z@x>");
        assertThat(references()).containsExactly(of(2, of(1)));
    }

    @Test
    void linksThatWouldMakeALoopAreNotMade() {
        message(1, 1, "one", "<a@x>", "<b@x>");
        message(2, 2, "two", "<b@x>", "<a@x>");
        assertThat(references()).containsExactly(of(2, of(1)));
        box.clear();
        message(1, 1, "self", "<a@x>", "<a@x>");
        assertThat(references()).containsExactly(of(1));
    }

    @Test
    void aDuplicateMessageIdBelongsToTheFirstMessageOnly() {
        message(1, 1, "first", "<a@x>");
        message(2, 2, "second", "<a@x>");
        message(3, 3, "reply", "<c@x>", "<a@x>");
        assertThat(references()).containsExactly(of(1, of(3)), of(2));
    }

    @Test
    void theRootIsSortedBySentDateAndADummyByItsFirstChild() {
        message(1, 5, "late", "<1@x>");
        message(2, 3, "p", "<2@x>", "<gone@x>");
        message(3, 2, "q", "<3@x>", "<gone@x>");
        message(4, 4, "mid", "<4@x>");
        assertThat(references()).containsExactly(dummy(of(3), of(2)), of(4), of(1));
    }

    @Test
    void aReplyBySubjectJoinsTheThreadOfTheOriginal() {
        // (5)(C): the current message is a reply and the one in the table is not
        message(1, 1, "Hello", "<1@x>");
        message(2, 2, "Re: Hello", "<2@x>");
        assertThat(references()).containsExactly(of(1, of(2)));
    }

    @Test
    void theOriginalIsPreferredOverAReplyThatCameFirst() {
        // (5)(B)(iv): the table keeps the message that is not a reply
        message(1, 1, "Re: Hello", "<1@x>");
        message(2, 2, "Hello", "<2@x>");
        assertThat(references()).containsExactly(of(2, of(1)));
    }

    @Test
    void twoOriginalsOfOneSubjectGoUnderANewDummy() {
        message(1, 1, "Hello", "<1@x>");
        message(2, 2, "hello", "<2@x>");
        message(3, 3, "Re: other", "<3@x>");
        assertThat(references()).containsExactly(dummy(of(1), of(2)), of(3));
    }

    @Test
    void aMessageJoinsADummyOfItsSubject() {
        // the dummy's subject is its first child's (5)(B)(i)
        message(1, 1, "Topic", "<1@x>", "<gone@x>");
        message(2, 2, "Re: Topic", "<2@x>", "<gone@x>");
        message(3, 3, "Topic", "<3@x>");
        assertThat(references()).containsExactly(dummy(of(1), of(2), of(3)));
    }

    @Test
    void emptySubjectsAreNotGathered() {
        message(1, 1, "", "<1@x>");
        message(2, 2, "Re:", "<2@x>");
        assertThat(references()).containsExactly(of(1), of(2));
    }

    @Test
    void siblingsAreSortedBySentDateAtEveryLevel() {
        message(1, 1, "root", "<1@x>");
        message(2, 9, "b", "<2@x>", "<1@x>");
        message(3, 5, "a", "<3@x>", "<1@x>");
        message(4, 8, "a2", "<4@x>", "<1@x>", "<3@x>");
        message(5, 6, "a1", "<5@x>", "<1@x>", "<3@x>");
        assertThat(references()).containsExactly(of(1, of(3, of(5), of(4)), of(2)));
    }

    @Test
    void aThreadAsDeepAsTheMailboxNeedsNoDeepStack() {
        int depth = 5000;
        message(1, 0, "deep", "<0@x>");
        for (int i = 1; i < depth; i++) {
            message(i + 1, 0, "Re: deep", "<" + i + "@x>", "<gone" + i + "@x>", "<" + (i - 1) + "@x>");
        }
        List<ThreadNode> threads = references();
        assertThat(threads).hasSize(1);
        ThreadNode node = threads.get(0);
        int levels = 1;
        while (!node.children().isEmpty()) {
            assertThat(node.children()).hasSize(1);
            node = node.children().get(0);
            levels++;
        }
        assertThat(levels).isEqualTo(depth);
    }
}
