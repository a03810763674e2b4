package org.courriel.imap.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongUnaryOperator;

import org.courriel.store.sort.ThreadNode;

/**
 * The THREAD response (RFC 5256 §4): {@code THREAD} and one thread-list per thread, where a chain of only children
 * is written as successive numbers and a split as nested lists ({@code (3 6 (4 23)(44 7 96))}); a dummy is written
 * by its children alone ({@code ((3)(5))}). Pure.
 */
public final class ThreadResponse {

    private ThreadResponse() {
    }

    /** The response's text, each UID given as the number the client sees ({@code number}: sequence or UID). */
    public static String of(List<ThreadNode> threads, LongUnaryOperator number) {
        StringBuilder sb = new StringBuilder("THREAD");
        if (!threads.isEmpty()) {
            sb.append(' ');
        }
        for (ThreadNode thread : threads) {
            list(sb, thread, number);
        }
        return sb.toString();
    }

    /**
     * thread-list = "(" (thread-members / thread-nested) ")". With a stack of what is left to write rather than
     * recursion: a thread may nest as deep as the mailbox is large.
     */
    private static void list(StringBuilder sb, ThreadNode thread, LongUnaryOperator number) {
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(thread);
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof String close) {
                sb.append(close);
                continue;
            }
            sb.append('(');
            ThreadNode current = (ThreadNode) next;
            boolean first = true;
            while (true) {
                if (current.uid() != null) {
                    if (!first) {
                        sb.append(' ');
                    }
                    sb.append(number.applyAsLong(current.uid()));
                    first = false;
                }
                if (current.children().size() == 1 && current.uid() != null) {
                    current = current.children().get(0);
                    continue;
                }
                break;
            }
            if (current.children().isEmpty()) {
                sb.append(')');
                continue;
            }
            // thread-nested = 2*thread-list (a split, or a dummy's children), then this list's ")"
            if (!first) {
                sb.append(' ');
            }
            todo.push(")");
            List<ThreadNode> children = current.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
    }
}
