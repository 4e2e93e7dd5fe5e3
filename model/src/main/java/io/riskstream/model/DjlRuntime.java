package io.riskstream.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Offline, single-threaded defaults for the PyTorch engine. They must be in place before the engine
 * is first touched, because DJL reads them once at engine start.
 */
final class DjlRuntime {

  private DjlRuntime() {}

  static final String ENGINE = "PyTorch";

  /** libtorch DJL allows a single open GradientCollector per JVM. */
  static final Object COLLECTOR_LOCK = new Object();

  private static volatile boolean started;

  /**
   * Sets the engine defaults unless the JVM was started with explicit values, then starts the
   * engine (loading the native library, which JNI calls such as grad mode need).
   */
  static void configure() {
    if (started) {
      return;
    }
    synchronized (DjlRuntime.class) {
      if (!started) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("PYTORCH_FLAVOR", "cpu");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine(ENGINE);
        started = true;
      }
    }
  }

  /**
   * Grad mode is thread-local in libtorch and on by default; inference with it on would build an
   * autograd graph per call.
   */
  static void inferenceMode() {
    configure();
    JniUtils.setGradMode(false);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
