package io.github.rnnlab.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.rnnlab.internal.Build;
import io.github.rnnlab.io.Json;
import io.github.rnnlab.io.Npy;
import io.github.rnnlab.io.Npz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A saved network: one NumPy {@code .npz} archive holding {@code network.json} (format and version, the network's
 * kind and every setting, each parameter's shape, frozen flag and constraints) and one {@code .npy} float32 array per
 * parameter and per constraint mask, so {@code numpy.load} reads the weights without rnnlab
 * ({@code np.load(f)["W_rec"]}, {@code json.loads(np.load(f)["network.json"])}). Loading rebuilds the network from its
 * settings, then sets every parameter and constraint: the same outputs, bit for bit. The training-noise stream starts
 * afresh from the seed.
 */
final class NetworkFile {
  static final String FORMAT = "rnnlab-network";
  static final int VERSION = 1;
  static final String SETTINGS_ENTRY = "network.json";

  /** How each kind of network is rebuilt from its settings. */
  private static final Map<String, Function<JsonObject, Network>> KINDS = Map.of(
      "Ctrnn", Ctrnn::fromSettings,
      "EiRnn", EiRnn::fromSettings,
      "HierarchicalCtrnn", HierarchicalCtrnn::fromSettings,
      "Lstm", Lstm::fromSettings,
      "Gru", Gru::fromSettings,
      "ConvCtrnn", ConvCtrnn::fromSettings);

  private NetworkFile() {}

  static void save(Network net, Path path) {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.addProperty("kind", net.getClass().getSimpleName());
    root.addProperty("rnnlab", Build.property("version"));
    root.add("settings", net.settings());
    Map<String, Npy.Array> arrays = new LinkedHashMap<>();
    JsonArray params = new JsonArray();
    for (Parameter p : net.parameters()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("name", p.name());
      JsonArray shape = new JsonArray();
      Arrays.stream(p.shape()).forEach(shape::add);
      entry.add("shape", shape);
      entry.addProperty("trainable", p.trainable());
      float[][] values = p.values();
      arrays.put(p.name(), p.shape().length == 1 ? new Npy.Array(p.shape(), values[0].clone()) : Npy.Array.of(values));
      JsonArray constraints = new JsonArray();
      int k = 0;
      for (WeightConstraint c : p.constraints()) {
        constraints.add(describe(c, p.name() + "." + kind(c) + k++, arrays));
      }
      entry.add("constraints", constraints);
      params.add(entry);
    }
    root.add("parameters", params);
    Npz.write(path, arrays, Map.of(SETTINGS_ENTRY, Json.toText(root)));
  }

  private static String kind(WeightConstraint c) {
    if (c instanceof WeightConstraint.Mask) {
      return "mask";
    } else if (c instanceof WeightConstraint.Fixed) {
      return "fixed";
    } else if (c instanceof WeightConstraint.Dale) {
      return "dale";
    }
    return "no_autapses";
  }

  private static JsonObject describe(WeightConstraint c, String arrayName, Map<String, Npy.Array> arrays) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", kind(c));
    if (c instanceof WeightConstraint.Mask m) {
      arrays.put(arrayName, Npy.Array.of(m.mask()));
      o.addProperty("array", arrayName);
    } else if (c instanceof WeightConstraint.Fixed f) {
      arrays.put(arrayName, Npy.Array.of(f.flags()));
      o.addProperty("array", arrayName);
    } else if (c instanceof WeightConstraint.Dale d) {
      JsonArray e = new JsonArray();
      for (int j = 0; j < d.size(); j++) {
        e.add(d.excitatory(j));
      }
      o.add("excitatory", e);
    }
    return o;
  }

  static Network load(Path path) {
    Npz.Contents contents = Npz.read(path);
    String json = contents.texts().get(SETTINGS_ENTRY);
    if (json == null) {
      throw new IllegalArgumentException(path + " is not a saved rnnlab network: it has no " + SETTINGS_ENTRY
          + " entry (entries: " + contents.arrays().keySet() + contents.texts().keySet() + ")");
    }
    JsonObject root;
    try {
      root = Json.parse(json).getAsJsonObject();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(path + ": " + SETTINGS_ENTRY + " is not a valid JSON object: "
          + e.getMessage());
    }
    String format = string(root, "format", path);
    int version = root.has("version") ? root.get("version").getAsInt() : -1;
    if (!format.equals(FORMAT) || version != VERSION) {
      throw new IllegalArgumentException(path + " has format " + format + " version " + version + "; this rnnlab ("
          + Build.property("version") + ") reads " + FORMAT + " version " + VERSION);
    }
    String kind = string(root, "kind", path);
    Function<JsonObject, Network> factory = KINDS.get(kind);
    if (factory == null) {
      throw new IllegalArgumentException(path + " holds a network of kind '" + kind + "'; known kinds are "
          + KINDS.keySet());
    }
    Network net;
    try {
      net = factory.apply(root.getAsJsonObject("settings"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + ": its settings do not make a " + kind + ": " + e.getMessage(), e);
    }
    JsonArray params = root.getAsJsonArray("parameters");
    if (params == null || params.size() != net.parameters().size()) {
      throw new IllegalArgumentException(path + " lists " + (params == null ? 0 : params.size()) + " parameters but a "
          + kind + " with these settings has " + net.parameters().size());
    }
    for (JsonElement e : params) {
      restore(net, e.getAsJsonObject(), contents.arrays(), path);
    }
    return net;
  }

  private static void restore(Network net, JsonObject entry, Map<String, Npy.Array> arrays, Path path) {
    String name = string(entry, "name", path);
    Parameter p = net.parameter(name);
    Npy.Array values = arrays.get(name);
    if (values == null || !Arrays.equals(values.shape(), p.shape())) {
      throw new IllegalArgumentException(path + ": parameter " + name + " should be an array of shape "
          + Arrays.toString(p.shape()) + " but the file has " + (values == null ? "none" : "shape "
          + Arrays.toString(values.shape())));
    }
    p.clearConstraints();
    float[][] rows = values.rows();
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, p.values()[r], 0, rows[r].length);
    }
    p.setTrainable(entry.get("trainable").getAsBoolean());
    for (JsonElement c : entry.getAsJsonArray("constraints")) {
      p.constrain(constraint(c.getAsJsonObject(), arrays, path));
    }
  }

  private static WeightConstraint constraint(JsonObject o, Map<String, Npy.Array> arrays, Path path) {
    String kind = string(o, "kind", path);
    return switch (kind) {
      case "mask" -> WeightConstraint.mask(array(o, arrays, path));
      case "fixed" -> {
        float[][] m = array(o, arrays, path);
        boolean[][] fixed = new boolean[m.length][m.length == 0 ? 0 : m[0].length];
        for (int r = 0; r < m.length; r++) {
          for (int c = 0; c < m[r].length; c++) {
            fixed[r][c] = m[r][c] != 0;
          }
        }
        yield WeightConstraint.fixed(fixed);
      }
      case "dale" -> {
        List<Boolean> e = new ArrayList<>();
        o.getAsJsonArray("excitatory").forEach(v -> e.add(v.getAsBoolean()));
        yield WeightConstraint.dale(e);
      }
      case "no_autapses" -> WeightConstraint.noAutapses();
      default -> throw new IllegalArgumentException(path + " has a constraint of unknown kind '" + kind + "'");
    };
  }

  private static float[][] array(JsonObject o, Map<String, Npy.Array> arrays, Path path) {
    String name = string(o, "array", path);
    Npy.Array a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException(path + " is missing the array " + name + ".npy");
    }
    return a.rows();
  }

  private static String string(JsonObject o, String key, Path path) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException(path + ": " + SETTINGS_ENTRY + " has no '" + key + "'");
    }
    return e.getAsString();
  }

  /** JSON text for settings, for {@link Network#settings()}'s callers. */
  static String toJson(JsonElement e) {
    return Json.toText(e);
  }
}
