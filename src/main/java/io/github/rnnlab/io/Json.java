package io.github.rnnlab.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every JSON file rnnlab writes goes through here, so that each is valid JSON (RFC 8259): numbers that are NaN or
 * infinite, which JSON cannot express, are written as {@code null} (a training run that stops before its first step
 * has no final loss). Text is UTF-8, pretty-printed with two-space indents and a final newline; characters such as
 * {@code <} are written as they are, not as {@code \u003c}. Built on Gson.
 */
public final class Json {
  /**
   * Strict both ways: writing refuses NaN and infinities (Gson's default), so a number that bypassed {@link #number}
   * fails loudly, and writes nulls (Gson would drop the key); reading accepts only RFC 8259 JSON (no NaN, comments or
   * single quotes).
   */
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
      .setStrictness(Strictness.STRICT).create();

  private Json() {}

  /** {@code value} as a JSON number, or JSON {@code null} if it is NaN or infinite. */
  public static JsonElement number(double value) {
    return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
  }

  /**
   * {@code element} as pretty-printed JSON text, without a final newline.
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number (use {@link #number})
   */
  public static String toText(JsonElement element) {
    return GSON.toJson(element);
  }

  /**
   * Parses JSON text, strictly (RFC 8259).
   *
   * @throws IllegalArgumentException if {@code text} is not valid JSON, with the parser's reason
   */
  public static JsonElement parse(String text) {
    try {
      JsonElement element = GSON.fromJson(text, JsonElement.class);
      if (element == null) {
        throw new JsonParseException("no JSON value in an empty text");
      }
      return element;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code element} to {@code path} as UTF-8 with a final newline, creating parent folders.
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number (use {@link #number})
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path path, JsonElement element) {
    String text = toText(element) + "\n";
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }

  /**
   * Reads and parses a JSON file.
   *
   * @throws IllegalArgumentException if the file is not valid JSON
   * @throws UncheckedIOException if it cannot be read
   */
  public static JsonElement read(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }
}
