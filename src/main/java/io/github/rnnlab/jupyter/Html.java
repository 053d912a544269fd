package io.github.rnnlab.jupyter;

import java.util.Objects;

/**
 * HTML that renders as HTML in every supported kernel. A bare {@code String} is plain text in JJava but HTML in the
 * rapaio kernel; wrap it in {@code Html} (or call {@link Notebook#html(String)}) to get the same result in both.
 *
 * @param html the markup, used as is (escape untrusted text with {@link Renders#htmlEscape(String)})
 */
public record Html(String html) {

  /** Checks the markup is not null. */
  public Html {
    Objects.requireNonNull(html, "html");
  }

  @Override
  public String toString() {
    return html;
  }
}
