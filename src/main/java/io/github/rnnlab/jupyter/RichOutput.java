package io.github.rnnlab.jupyter;

import io.github.rnnlab.plot.Figure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * One kind of value that rnnlab shows richly in a notebook, with its outputs by MIME type, the preferred one first. The
 * kernel adapters that take MIME bundles ({@link RnnlabRapaioDisplay}, {@link RnnlabKotlinIntegration}) register
 * {@link #all()}, so every kernel shows the same things the same way.
 *
 * @param type the values this applies to (subclasses included)
 * @param outputs MIME type to rendering, in order of preference
 */
record RichOutput<T>(Class<T> type, Map<String, Function<T, String>> outputs) {

  private static final List<RichOutput<?>> ALL = List.of(
      of(Table.class, "text/html", Renders::tableHtml, Renders::tableText),
      of(chartClass(), "image/png", Renders::chartPng, Renders::chartText),
      of(Figure.class, "image/png", Renders::figurePng, Figure::toString),
      of(Html.class, "text/html", Html::html));

  /** Keeps the order of {@code outputs}, which must not be empty. */
  RichOutput {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a rich output needs at least one MIME type");
    }
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** Tables as HTML, charts and figures as PNG, {@link Html} as HTML; each with text where text makes sense. */
  static List<RichOutput<?>> all() {
    return ALL;
  }

  /** Every output of {@code value}, preferred first. */
  Map<String, String> render(Object value) {
    T v = type.cast(value);
    Map<String, String> bundle = new LinkedHashMap<>();
    outputs.forEach((mime, f) -> bundle.put(mime, f.apply(v)));
    return bundle;
  }

  private static <T> RichOutput<T> of(Class<T> type, String mime, Function<T, String> f) {
    return new RichOutput<>(type, Map.of(mime, f));
  }

  /** {@code mime} first, then {@code text/plain}. */
  private static <T> RichOutput<T> of(Class<T> type, String mime, Function<T, String> f, Function<T, String> text) {
    Map<String, Function<T, String>> outputs = new LinkedHashMap<>();
    outputs.put(mime, f);
    outputs.put("text/plain", text);
    return new RichOutput<>(type, outputs);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Chart<?, ?>> chartClass() {
    return (Class) Chart.class;
  }
}
