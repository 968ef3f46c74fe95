/*
 * Type names, the op's type lists, TensorFlow's string escaping, and the 16-bit float formats.
 */
#include "fake_tensorflow.h"

#include <stdio.h>
#include <string.h>

/* DataTypeString (types.cc): the C++ names TensorFlow prints in attr errors. */
const char* fake_cpp_type_name(int dtype) {
  switch (dtype) {
    case FAKE_FLOAT: return "float"; case FAKE_DOUBLE: return "double"; case FAKE_INT32: return "int32";
    case FAKE_UINT8: return "uint8"; case FAKE_INT16: return "int16"; case FAKE_INT8: return "int8";
    case FAKE_STRING: return "string"; case FAKE_COMPLEX64: return "complex64"; case FAKE_INT64: return "int64";
    case FAKE_BOOL: return "bool"; case FAKE_QINT8: return "qint8"; case FAKE_QUINT8: return "quint8";
    case FAKE_QINT32: return "qint32"; case FAKE_BFLOAT16: return "bfloat16"; case FAKE_QINT16: return "qint16";
    case FAKE_QUINT16: return "quint16"; case FAKE_UINT16: return "uint16"; case FAKE_COMPLEX128: return "complex128";
    case FAKE_HALF: return "half"; case FAKE_UINT32: return "uint32"; case FAKE_UINT64: return "uint64";
    default: return "unknown";
  }
}

/* DataType_Name (types.proto): what kernel constraints and attr summaries print. */
const char* fake_enum_type_name(int dtype) {
  switch (dtype) {
    case FAKE_FLOAT: return "DT_FLOAT"; case FAKE_DOUBLE: return "DT_DOUBLE"; case FAKE_INT32: return "DT_INT32";
    case FAKE_UINT8: return "DT_UINT8"; case FAKE_INT16: return "DT_INT16"; case FAKE_INT8: return "DT_INT8";
    case FAKE_STRING: return "DT_STRING"; case FAKE_COMPLEX64: return "DT_COMPLEX64"; case FAKE_INT64: return "DT_INT64";
    case FAKE_BOOL: return "DT_BOOL"; case FAKE_QINT8: return "DT_QINT8"; case FAKE_QUINT8: return "DT_QUINT8";
    case FAKE_QINT32: return "DT_QINT32"; case FAKE_BFLOAT16: return "DT_BFLOAT16"; case FAKE_QINT16: return "DT_QINT16";
    case FAKE_QUINT16: return "DT_QUINT16"; case FAKE_UINT16: return "DT_UINT16"; case FAKE_COMPLEX128: return "DT_COMPLEX128";
    case FAKE_HALF: return "DT_HALF"; case FAKE_UINT32: return "DT_UINT32"; case FAKE_UINT64: return "DT_UINT64";
    default: return "DT_INVALID";
  }
}

/* BiasAddGrad's attr T is `numbertype` (core/ops/nn_ops.cc): the 19 types, quantized ones included. */
int fake_is_op_type(int dtype) {
  switch (dtype) {
    case FAKE_FLOAT: case FAKE_DOUBLE: case FAKE_INT32: case FAKE_UINT8: case FAKE_INT16: case FAKE_INT8:
    case FAKE_COMPLEX64: case FAKE_INT64: case FAKE_QINT8: case FAKE_QUINT8: case FAKE_QINT32: case FAKE_BFLOAT16:
    case FAKE_QINT16: case FAKE_QUINT16: case FAKE_UINT16: case FAKE_COMPLEX128: case FAKE_HALF: case FAKE_UINT32:
    case FAKE_UINT64:
      return 1;
    default:
      return 0;
  }
}

/* The CPU kernel is registered with TF_CALL_NUMBER_TYPES (bias_op.cc): the op's types minus the quantized ones. */
int fake_is_number_type(int dtype) {
  return fake_is_op_type(dtype) && dtype != FAKE_QINT8 && dtype != FAKE_QUINT8 && dtype != FAKE_QINT16
         && dtype != FAKE_QUINT16 && dtype != FAKE_QINT32;
}

/* absl::CEscape, which SummarizeAttrValue applies to string attrs (attr_value_util.cc): \n \r \t
   \" \' \\ by name, other bytes outside printable ASCII as three octal digits. */
size_t fake_c_escape(const char* bytes, size_t length, char* out, size_t capacity) {
  size_t n = 0;
  for (size_t i = 0; i < length && n + 5 < capacity; i++) {
    unsigned char c = (unsigned char)bytes[i];
    switch (c) {
      case '\n': n += (size_t)snprintf(out + n, capacity - n, "\\n"); break;
      case '\r': n += (size_t)snprintf(out + n, capacity - n, "\\r"); break;
      case '\t': n += (size_t)snprintf(out + n, capacity - n, "\\t"); break;
      case '"': n += (size_t)snprintf(out + n, capacity - n, "\\\""); break;
      case '\'': n += (size_t)snprintf(out + n, capacity - n, "\\'"); break;
      case '\\': n += (size_t)snprintf(out + n, capacity - n, "\\\\"); break;
      default:
        if (c < 0x20 || c >= 0x7F) n += (size_t)snprintf(out + n, capacity - n, "\\%03o", c);
        else out[n++] = (char)c;
    }
  }
  out[n < capacity ? n : capacity - 1] = '\0';
  return n;
}

/* ------------------------------------------------------------------ 16-bit floats */

static float float_from_bits(uint32_t bits) { float f; memcpy(&f, &bits, sizeof f); return f; }
static uint32_t bits_from_float(float f) { uint32_t bits; memcpy(&bits, &f, sizeof bits); return bits; }

double fake_half_to_double(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16, exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
  if (exponent == 0) {
    double value = (double)mantissa * (1.0 / 16777216.0); /* subnormal: mantissa * 2^-24 */
    return sign ? -value : value;
  }
  if (exponent == 31) return float_from_bits(sign | 0x7F800000u | (mantissa << 13));
  return float_from_bits(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

/* Eigen::half from float rounds to nearest even. The values rounded here are sums of two numbers of
   float precision; rounding such a sum to double, then float, then half gives what rounding it once
   to half gives (each step keeps at least 2p + 2 bits of the next: 53 >= 50, 24 >= 24). */
uint16_t fake_half_from_double(double value) {
  uint32_t x = bits_from_float((float)value);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000);
  uint32_t magnitude = x & 0x7FFFFFFFu;
  if (magnitude > 0x7F800000u) return (uint16_t)(sign | 0x7E00 | ((magnitude >> 13) & 0x3FF)); /* NaN stays quiet NaN */
  if (magnitude >= 0x477FF000u) return (uint16_t)(sign | 0x7C00);                              /* >= 65520: infinity */
  if (magnitude < 0x38800000u) {                                                                /* below 2^-14 */
    float scaled = float_from_bits(magnitude) * 16777216.0f;                                   /* units of 2^-24, exact */
    volatile float shifted = scaled + 8388608.0f;                                               /* rounds to an integer, ties to even */
    return (uint16_t)(sign | (uint16_t)(shifted - 8388608.0f));
  }
  uint32_t odd = (magnitude >> 13) & 1;
  magnitude += 0xC8000FFFu + odd; /* rebias the exponent (-112 << 23) and round half to even */
  return (uint16_t)(sign | (magnitude >> 13));
}

double fake_bfloat16_to_double(uint16_t bits) { return float_from_bits((uint32_t)bits << 16); }

/* Eigen::bfloat16 from float: round to nearest even; NaN becomes a quiet NaN. */
uint16_t fake_bfloat16_from_double(double value) {
  float f = (float)value;
  uint32_t x = bits_from_float(f);
  if (f != f) return (uint16_t)((x >> 16) | 0x0040);
  return (uint16_t)((x + 0x7FFFu + ((x >> 16) & 1)) >> 16);
}
