package io.riskstream.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where a model runs: {@code auto} (a GPU when the engine sees one, else the CPU), {@code cpu}, or
 * {@code gpu} (a GPU or an error). The same code runs on either; only the native library differs
 * (the {@code gpu} Maven profile ships the CUDA build).
 */
public enum DevicePreference {
  AUTO,
  CPU,
  GPU;

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static DevicePreference parse(String value) {
    if (value != null) {
      for (DevicePreference p : values()) {
        if (p.name().equalsIgnoreCase(value.trim())) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + value + "'");
  }

  /** The device on this machine, asking the PyTorch engine how many GPUs it sees. */
  public Device resolve() {
    DjlRuntime.configure();
    return resolve(Engine.getEngine(DjlRuntime.ENGINE).getGpuCount());
  }

  /**
   * The device given {@code gpus} visible GPUs.
   *
   * @throws IllegalStateException for {@code gpu} when there is none
   */
  public Device resolve(int gpus) {
    switch (this) {
      case CPU:
        return Device.cpu();
      case GPU:
        if (gpus == 0) {
          throw new IllegalStateException(
              "device gpu requested but PyTorch sees no CUDA GPU (build with -Pgpu on a GPU"
                  + " machine, or use --device auto)");
        }
        return Device.gpu(0);
      default:
        return gpus > 0 ? Device.gpu(0) : Device.cpu();
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
