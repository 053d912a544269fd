package io.github.rnnlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rnnlab.data.Batch;
import io.github.rnnlab.model.ReferenceGated.Kind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tiny LSTM and GRU (3 inputs, 4 hidden units, 2 outputs) with hand-set weights against the values PyTorch's
 * {@code torch.nn.LSTM} and {@code torch.nn.GRU} compute for them: readout, hidden state, the LSTM's cell state, the
 * mean squared error and the gradient of {@code bias_hh}, which depends on every gate's backward pass. The golden
 * numbers come from {@code bench/gated_golden.py} (torch 1.13, float64; its docstring gives the weights, inputs and
 * targets, which {@link #network} and {@link #batch} rebuild).
 */
class LstmGruTorchGoldenTest {
  private static final int T = 5;
  private static final int B = 2;
  private static final int I = 3;
  private static final int O = 2;

  private static final double[] LSTM_C = {
      0.09142877287234735, 0.08856614777532622, -0.20844122125148914, -0.5404127605615882, -0.25182743267924673,
      0.13250902403012293, -0.13466304231731832, -0.6272676899714797, 0.02637687671377809, -0.13322375826196553,
      -0.25053476371254335, -0.6509033569773393, -0.00832098130015227, -0.16553828763303274, -0.27006842859200975,
      -0.6146798032083701, 0.03550604620997326, -0.011381464183490592, -0.44300119700551055, -0.8475784391531764,
      -0.4158821286607241, 0.03125939932319212, -0.37766886778341147, -1.0522181526643886, -0.14337463152340538,
      -0.0624863041426225, -0.4080447129007555, -1.0095803468797988, -0.13645897743990004, -0.2977939822638163,
      -0.28380250569322246, -1.0291470932529267, 0.024341793216991245, 0.014675513999087252, -0.5706673963901502,
      -1.0321979113135575, -0.4305455919096609, -0.06141165111708645, -0.3922931589651273, -1.2890771119829418
  };
  private static final double[] LSTM_Y = {
      -0.41368545542843704, 0.39450861727631403, -0.31490929330904327, 0.2956916444317188, -0.2976292855764293,
      0.273322140961796, -0.26243979378639326, 0.23895426482276344, -0.45300802668847884, 0.37269211590083534,
      -0.3285009727458333, 0.23908132771256363, -0.35101307043162866, 0.2895011349260697, -0.2435705608995024,
      0.1989703572819943, -0.46259496391370913, 0.3614643469182446, -0.3423728686372395, 0.23388471530023433
  };
  private static final double[] LSTM_H = {
      0.058557730851801576, 0.023268906156934017, -0.12996420446448748, -0.4471338875088941, -0.16604412416166403,
      0.04439146843169171, -0.06861574287576942, -0.510603612403585, 0.006421375923190711, -0.08254590738993987,
      -0.17041080667833045, -0.3238426880550515, -0.001575163948770328, -0.09345511400870535, -0.21214983743412244,
      -0.255474645539274, 0.021043480233969455, -0.0029123234389119676, -0.301420349445579, -0.5787519501888687,
      -0.2921696671523404, 0.007775958869928008, -0.21033939682880676, -0.7125923006286703, -0.04775056090222192,
      -0.03381874461903613, -0.2699106103560997, -0.46443822850659944, -0.02551153358751492, -0.16479851073828183,
      -0.22937117061548515, -0.29496204061402775, 0.01243741888739409, 0.004172622438615082, -0.39781299389213554,
      -0.5912280994912853, -0.31312352337643395, -0.01286253310556548, -0.22896541022423686, -0.7844848748555755
  };
  private static final double LSTM_LOSS = 0.24193403889574744;
  private static final double[] LSTM_GRAD_BIAS_HH = {
      -0.002926434460054407, 0.0012336906290269256, -0.006358730440506924, 0.024568819599729584, -0.002063594848978811,
      -0.0009938324520117425, -0.002165486170844628, 0.010736492399970227, 0.14161472933285663, 0.020268792273910412,
      0.0050018981947369465, -0.02214203239165627, -0.005247811608397792, -4.5402816401603815e-05,
      -0.003180056740748363, 0.01671766197970381
  };
  private static final double[] GRU_Y = {
      -0.5316107495330298, 0.5735014461662326, -0.3763326682142133, 0.4332114713779456, -0.47187621835630844,
      0.4753251408911844, -0.4742715194505377, 0.49055843897455814, -0.5602288309150958, 0.5560291536136548,
      -0.4199471283047318, 0.42868080354631977, -0.4934516806215643, 0.46460247412818023, -0.5117841530620411,
      0.5148336288458404, -0.6095529085177005, 0.5706174252110465, -0.44430674505591716, 0.44502897478309755
  };
  private static final double[] GRU_H = {
      0.11585701576878356, 0.3287947676345574, -0.08309483714871602, -0.4180659842100753, -0.20861374174881078,
      0.44413635005394125, -0.06588756911162874, -0.405492944315877, 0.14117860218049666, 0.0710324603632912,
      -0.06437036576258329, -0.4458987956521216, 0.14218262156029116, 0.17851788553832626, -0.15283742700786743,
      -0.3547124196294238, 0.09917785930197315, 0.2836766994621125, -0.1912191622631435, -0.5222335280644615,
      -0.33468843561834805, 0.5336021690536596, -0.2134312607291956, -0.5798806298530175, 0.035559695515614484,
      0.15456528628516955, -0.18723178928733575, -0.5514175715225588, 0.03857933102640454, 0.2581478483378288,
      -0.13171216537586228, -0.5199867019404675, 0.16977620055186948, 0.2563468919317661, -0.33617006352381373,
      -0.5396067600861412, -0.38414228867030165, 0.567725873146888, -0.19340337146330444, -0.6780530684446712
  };
  private static final double GRU_LOSS = 0.3871701072449938;
  private static final double[] GRU_GRAD_BIAS_HH = {
      -0.02525520047199929, -0.0030493477281846888, -0.009516838408893299, 0.005249194142113236, -0.011897321916564355,
      -0.026205262581317095, 0.004899998869545161, -0.04087304933883634, 0.24569069799791302, 0.027026868496775654,
      0.016323802177367886, -0.03823646895637625
  };
  // torch 1.13.0a0

  /** Entry k of the p-th parameter is 0.6·sin(0.7·k + p + 1), rounded to float, as in the script. */
  private static GatedNetwork network(Kind kind) {
    GatedNetwork net = ReferenceGated.network(kind, I, 4, O, Loss.meanSquaredError(), 0);
    int p = 0;
    for (Parameter param : net.parameters()) {
      int k = 0;
      for (float[] row : param.values()) {
        for (int c = 0; c < row.length; c++, k++) {
          row[c] = (float) (0.6 * Math.sin(0.7 * k + p + 1));
        }
      }
      p++;
    }
    return net;
  }

  private static Batch batch() {
    float[] x = new float[T * B * I];
    for (int n = 0; n < x.length; n++) {
      x[n] = (float) (Math.sin(0.5 * n + 0.3) + 0.2);
    }
    float[] target = new float[T * B * O];
    for (int n = 0; n < target.length; n++) {
      target[n] = (float) (0.5 * Math.cos(0.9 * n));
    }
    return Batch.ofValues(T, B, I, x, O, target);
  }

  private static void assertClose(double[] expected, INDArray actual, String what) {
    float[] a = actual.data().asFloat();
    assertEquals(expected.length, a.length, what + " size");
    for (int i = 0; i < a.length; i++) {
      assertEquals(expected[i], a[i], 1e-6, what + " entry " + i);
    }
  }

  @Test
  void lstmMatchesTorch() {
    GatedNetwork net = network(Kind.LSTM);
    Batch batch = batch();
    Rollout rollout = net.forward(batch.inputs());
    assertClose(LSTM_Y, rollout.outputs(), "readout");
    assertClose(LSTM_H, rollout.hidden(), "h");
    assertClose(LSTM_C, rollout.extra("lstm_c"), "c");
    assertEquals(LSTM_LOSS, net.computeGradients(batch).loss(), 1e-6, "loss");
    assertClose(LSTM_GRAD_BIAS_HH, net.parameter("bias_hh").gradientArray(), "gradient of bias_hh");
  }

  @Test
  void gruMatchesTorch() {
    GatedNetwork net = network(Kind.GRU);
    Batch batch = batch();
    Rollout rollout = net.forward(batch.inputs());
    assertClose(GRU_Y, rollout.outputs(), "readout");
    assertClose(GRU_H, rollout.hidden(), "h");
    assertEquals(GRU_LOSS, net.computeGradients(batch).loss(), 1e-6, "loss");
    assertClose(GRU_GRAD_BIAS_HH, net.parameter("bias_hh").gradientArray(), "gradient of bias_hh");
  }
}
