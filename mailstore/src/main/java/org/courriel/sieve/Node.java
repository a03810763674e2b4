package org.courriel.sieve;

import java.util.List;

/**
 * A command or test as written (RFC 5228 §8.2), before its arguments are checked.
 *
 * @param block the commands between braces, or null when there were none (tests never have one)
 */
record Node(String name, List<Argument> arguments, List<Node> tests, List<Node> block, int line) {
}
