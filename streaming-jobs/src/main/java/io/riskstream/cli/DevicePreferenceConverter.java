package io.riskstream.cli;

import io.riskstream.model.DevicePreference;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code auto}, {@code cpu} or {@code gpu}, in any case. */
public final class DevicePreferenceConverter implements ITypeConverter<DevicePreference> {
  @Override
  public DevicePreference convert(String value) {
    try {
      return DevicePreference.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
