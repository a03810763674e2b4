package org.courriel.store.sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The threading algorithms of RFC 5256 §3, ORDEREDSUBJECT and REFERENCES, over messages given in mailbox order.
 * Pure: the store reads the fields once ({@link ThreadMessage}), this builds the trees.
 */
public final class MessageThreader {

    private MessageThreader() {
    }

    /** RFC 5256 §2.2: by sent date, ties by mailbox order. */
    private static final Comparator<ThreadMessage> BY_DATE =
            Comparator.comparing(ThreadMessage::sentDate).thenComparingLong(ThreadMessage::uid);

    /**
     * ORDEREDSUBJECT: sorted by base subject then sent date, split by base subject, threads ordered by the sent
     * date of their first message; the first message is the root, the others its children, no grandchildren.
     */
    public static List<ThreadNode> orderedSubject(List<ThreadMessage> messages) {
        Map<String, List<ThreadMessage>> bySubject = new HashMap<>();
        for (ThreadMessage m : messages) {
            bySubject.computeIfAbsent(m.baseSubject(), s -> new ArrayList<>()).add(m);
        }
        List<List<ThreadMessage>> threads = new ArrayList<>(bySubject.values());
        threads.forEach(t -> t.sort(BY_DATE));
        threads.sort(Comparator.comparing(t -> t.get(0), BY_DATE));
        List<ThreadNode> roots = new ArrayList<>();
        for (List<ThreadMessage> thread : threads) {
            List<ThreadNode> children = thread.subList(1, thread.size()).stream()
                    .map(m -> new ThreadNode(m.uid(), List.of())).toList();
            roots.add(new ThreadNode(thread.get(0).uid(), children));
        }
        return roots;
    }

    /** One message or dummy while REFERENCES builds the tree. */
    private static final class Container {
        ThreadMessage message;
        Container parent;
        final List<Container> children = new ArrayList<>();

        boolean dummy() {
            return message == null;
        }

        /** Whether {@code other} is this container or one of its descendants. */
        boolean reaches(Container other) {
            for (Container c = other; c != null; c = c.parent) {
                if (c == this) {
                    return true;
                }
            }
            return false;
        }

        void adopt(Container child) {
            if (child.parent != null) {
                child.parent.children.remove(child);
            }
            child.parent = this;
            children.add(child);
        }

        void orphan() {
            if (parent != null) {
                parent.children.remove(this);
                parent = null;
            }
        }
    }

    /** REFERENCES: steps 1 to 6 of RFC 5256 §3. */
    public static List<ThreadNode> references(List<ThreadMessage> messages) {
        Map<String, Container> byId = new LinkedHashMap<>();
        List<Container> all = new ArrayList<>();
        for (ThreadMessage m : messages) {
            // (1)(A): a message without a valid Message-ID, or whose ID an earlier message has, gets a unique one
            Container self = m.messageId() == null ? null : byId.get(m.messageId());
            if (self == null || !self.dummy()) {
                self = new Container();
                byId.put(m.messageId() != null && !byId.containsKey(m.messageId()) ? m.messageId()
                        : "\0" + m.uid(), self);
            }
            self.message = m;
            all.add(self);
            Container previous = null;
            for (String ref : m.references()) {
                Container c = byId.computeIfAbsent(ref, r -> new Container());
                // link each reference to the next unless it has a parent already or it would make a loop
                if (previous != null && c.parent == null && !c.reaches(previous)) {
                    previous.adopt(c);
                }
                previous = c;
            }
            // (1)(B): the last reference is the parent, replacing a parent a truncated References gave
            self.orphan();
            if (previous != null && !self.reaches(previous)) {
                previous.adopt(self);
            }
        }
        // (2): the parentless are the first messages of the threads
        List<Container> root = new ArrayList<>();
        for (Container c : byId.values()) {
            if (c.parent == null) {
                root.add(c);
            }
        }
        // (3)
        root = prune(root);
        // (4): top level by sent date, a dummy by its first child's
        for (Container c : root) {
            c.children.sort(Comparator.comparing(MessageThreader::date, BY_DATE));
        }
        root.sort(Comparator.comparing(MessageThreader::date, BY_DATE));
        // (5)
        root = mergeBySubject(root);
        // (6): every set of siblings by sent date, the deepest first
        sortDeep(root);
        return nodes(root);
    }

    /**
     * (3): a dummy without children goes; one with children goes and its children take its place, unless that would
     * put several of them at the root. Deepest first, without recursion: a thread may be as deep as the mailbox.
     */
    private static List<Container> prune(List<Container> root) {
        List<Container> order = breadthFirst(root);
        for (int i = order.size() - 1; i >= 0; i--) {
            Container c = order.get(i);
            List<Container> kept = new ArrayList<>();
            for (Container child : c.children) {
                // the child's own children are pruned already
                if (child.dummy()) {
                    for (Container grandchild : child.children) {
                        grandchild.parent = c;
                        kept.add(grandchild);
                    }
                } else {
                    kept.add(child);
                }
            }
            c.children.clear();
            c.children.addAll(kept);
        }
        List<Container> kept = new ArrayList<>();
        for (Container c : root) {
            if (c.dummy() && c.children.size() == 1) {
                c.children.get(0).parent = null;
                kept.add(c.children.get(0));
            } else if (!c.dummy() || !c.children.isEmpty()) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Every container under {@code root}, each before its descendants. */
    private static List<Container> breadthFirst(List<Container> root) {
        List<Container> order = new ArrayList<>(root);
        for (int i = 0; i < order.size(); i++) {
            order.addAll(order.get(i).children);
        }
        return order;
    }

    /** (5): threads whose subjects are equal are gathered. */
    private static List<Container> mergeBySubject(List<Container> root) {
        // (5)(A)(B): one thread per base subject, preferring a dummy, then one that is not a reply
        Map<String, Container> table = new HashMap<>();
        for (Container c : root) {
            String subject = subject(c);
            if (subject.isEmpty()) {
                continue;
            }
            Container held = table.get(subject);
            if (held == null || (!held.dummy()
                    && (c.dummy() || (held.message.replyOrForward() && !c.message.replyOrForward())))) {
                table.put(subject, c);
            }
        }
        // (5)(C)
        List<Container> result = new ArrayList<>(root);
        for (Container c : root) {
            String subject = subject(c);
            if (subject.isEmpty()) {
                continue;
            }
            Container held = table.get(subject);
            if (held == c) {
                continue;
            }
            result.remove(c);
            if (held.dummy() && c.dummy()) {
                for (Container child : new ArrayList<>(c.children)) {
                    held.adopt(child);
                }
            } else if (held.dummy()) {
                held.adopt(c);
            } else if (c.message.replyOrForward() && !held.message.replyOrForward()) {
                held.adopt(c);
            } else {
                Container dummy = new Container();
                result.set(result.indexOf(held), dummy);
                dummy.adopt(held);
                dummy.adopt(c);
                table.put(subject, dummy);
            }
        }
        return result;
    }

    /** The thread subject of step (5)(B)(i): the message's, or a dummy's first child's. */
    private static String subject(Container c) {
        if (!c.dummy()) {
            return c.message.baseSubject();
        }
        return c.children.isEmpty() || c.children.get(0).dummy() ? "" : c.children.get(0).message.baseSubject();
    }

    private static void sortDeep(List<Container> root) {
        List<Container> order = breadthFirst(root);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).children.sort(Comparator.comparing(MessageThreader::date, BY_DATE));
        }
        root.sort(Comparator.comparing(MessageThreader::date, BY_DATE));
    }

    /** The message a container sorts by: itself, or a dummy's first child (sorted already). */
    private static ThreadMessage date(Container c) {
        Container d = c;
        while (d.dummy() && !d.children.isEmpty()) {
            d = d.children.get(0);
        }
        return d.message;
    }

    /** The answer's trees, built from the leaves up (no recursion, as above). */
    private static List<ThreadNode> nodes(List<Container> root) {
        List<Container> order = breadthFirst(root);
        java.util.IdentityHashMap<Container, ThreadNode> built = new java.util.IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            Container c = order.get(i);
            built.put(c, new ThreadNode(c.dummy() ? null : c.message.uid(), c.children.stream().map(built::get).toList()));
        }
        return root.stream().map(built::get).toList();
    }
}
