/*
 * TensorFlow's CPU BiasAddGrad kernel (BiasGradOp<CPUDevice, T>, tensorflow/core/kernels/bias_op.cc),
 * in its own loops, with TensorFlow's arithmetic at one intra-op thread on an AVX build (the
 * release wheels' -mavx): what the reduction functors in tensorflow/core/kernels/redux_functor.h
 * and Eigen's TensorReduction.h do, operation by operation, each sum rounded where TensorFlow's is.
 *
 * - The accumulator is AccumulatorType<T> (bias_op.cc): T itself, except half, which sums in float.
 *   bfloat16 has no specialization, so every partial sum is rounded to bfloat16.
 * - NHWC ([rows, C], ReduceOuterDimensions): one row copies the input; otherwise each channel is a
 *   sum over the rows in the accumulator, starting from +0 (one block at one thread).
 * - NCHW ([N, C, I], ReduceMiddleDimensions): N * I == 1 copies the input; otherwise each contiguous
 *   run of I elements is reduced in T by Eigen's SumReducer<T> (InnerMostDimReducer: 4 packet
 *   accumulators, a tree above LeafSize<T> packets, predux of the packet), cast to the accumulator
 *   and added to its channel. So float16 NCHW runs are summed in float16.
 * - Integers wrap around (every order gives the same bits); complex sums each component.
 */
#include "fake_tensorflow.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { ROUND_HALF, ROUND_BFLOAT16, ROUND_FLOAT, ROUND_DOUBLE } Rounding;

/* How one floating dtype is summed. */
typedef struct {
  int components;     /* 2 for complex: real and imaginary parts are independent sums */
  Rounding storage;   /* T: packet and scalar adds inside Eigen's reduction round here */
  Rounding accumulator; /* AccumulatorType<T> */
  Rounding horizontal;  /* predux of a packet: Packet8h and Packet8bf widen to float (Eigen AVX PacketMath) */
  long packet;        /* AVX packet lanes: Packet8f, Packet4d, Packet8h, Packet8bf, Packet4cf, Packet2cd */
  long leaf;          /* Eigen's LeafSize<T>: 1024, half 200, bfloat16 128 */
} FloatTraits;

static int float_traits(int dtype, FloatTraits* t) {
  switch (dtype) {
    case FAKE_HALF: *t = (FloatTraits){1, ROUND_HALF, ROUND_FLOAT, ROUND_FLOAT, 8, 200}; return 1;
    case FAKE_BFLOAT16: *t = (FloatTraits){1, ROUND_BFLOAT16, ROUND_BFLOAT16, ROUND_FLOAT, 8, 128}; return 1;
    case FAKE_FLOAT: *t = (FloatTraits){1, ROUND_FLOAT, ROUND_FLOAT, ROUND_FLOAT, 8, 1024}; return 1;
    case FAKE_DOUBLE: *t = (FloatTraits){1, ROUND_DOUBLE, ROUND_DOUBLE, ROUND_DOUBLE, 4, 1024}; return 1;
    case FAKE_COMPLEX64: *t = (FloatTraits){2, ROUND_FLOAT, ROUND_FLOAT, ROUND_FLOAT, 4, 1024}; return 1;
    case FAKE_COMPLEX128: *t = (FloatTraits){2, ROUND_DOUBLE, ROUND_DOUBLE, ROUND_DOUBLE, 2, 1024}; return 1;
    default: return 0;
  }
}

/* Rounds an exact sum of two values to the format (IEEE round to nearest even). */
static double round_to(Rounding r, double x) {
  switch (r) {
    case ROUND_HALF: return fake_half_to_double(fake_half_from_double(x));
    case ROUND_BFLOAT16: return fake_bfloat16_to_double(fake_bfloat16_from_double(x));
    case ROUND_FLOAT: return (double)(float)x;
    default: return x;
  }
}

static double load(int dtype, const void* data, int64_t element, int component) {
  switch (dtype) {
    case FAKE_HALF: return fake_half_to_double(((const uint16_t*)data)[element]);
    case FAKE_BFLOAT16: return fake_bfloat16_to_double(((const uint16_t*)data)[element]);
    case FAKE_FLOAT: return ((const float*)data)[element];
    case FAKE_DOUBLE: return ((const double*)data)[element];
    case FAKE_COMPLEX64: return ((const float*)data)[2 * element + component];
    default: return ((const double*)data)[2 * element + component]; /* complex128 */
  }
}

static void store(int dtype, void* data, int64_t element, int component, double value) {
  switch (dtype) {
    case FAKE_HALF: ((uint16_t*)data)[element] = fake_half_from_double(value); break;
    case FAKE_BFLOAT16: ((uint16_t*)data)[element] = fake_bfloat16_from_double(value); break;
    case FAKE_FLOAT: ((float*)data)[element] = (float)value; break;
    case FAKE_DOUBLE: ((double*)data)[element] = value; break;
    case FAKE_COMPLEX64: ((float*)data)[2 * element + component] = (float)value; break;
    default: ((double*)data)[2 * element + component] = value; break;
  }
}

/* InnerMostDimReducer<Self, SumReducer<T>, true, false>::reduce over v[0, n). */
static double eigen_leaf_sum(const FloatTraits* t, const double* v, long n) {
  double p0[8] = {0}, p1[8] = {0}, p2[8] = {0}, p3[8] = {0};
  const long lanes = t->packet;
  long start = 0;
  if (n >= 4 * lanes) {
    const long vectorized4 = n / (4 * lanes) * (4 * lanes);
    for (long j = 0; j < vectorized4; j += 4 * lanes)
      for (long l = 0; l < lanes; l++) {
        p0[l] = round_to(t->storage, p0[l] + v[j + l]);
        p1[l] = round_to(t->storage, p1[l] + v[j + lanes + l]);
        p2[l] = round_to(t->storage, p2[l] + v[j + 2 * lanes + l]);
        p3[l] = round_to(t->storage, p3[l] + v[j + 3 * lanes + l]);
      }
    for (long l = 0; l < lanes; l++) p0[l] = round_to(t->storage, p0[l] + p1[l]);
    for (long l = 0; l < lanes; l++) p0[l] = round_to(t->storage, p0[l] + p2[l]);
    for (long l = 0; l < lanes; l++) p0[l] = round_to(t->storage, p0[l] + p3[l]);
    start = vectorized4;
  }
  if (start <= n - lanes) {
    const long vectorized = n / lanes * lanes;
    for (long j = start; j < vectorized; j += lanes)
      for (long l = 0; l < lanes; l++) p0[l] = round_to(t->storage, p0[l] + v[j + l]);
    start = vectorized;
  }
  double scalar = 0;
  for (long j = start; j < n; j++) scalar = round_to(t->storage, scalar + v[j]);
  /* predux: halves added pairwise (AVX then SSE), in float for half and bfloat16 packets, then cast to T. */
  for (long width = lanes / 2; width >= 1; width /= 2)
    for (long l = 0; l < width; l++) p0[l] = round_to(t->horizontal, p0[l] + p0[l + width]);
  /* SumReducer::finalizeBoth: saccum + predux(vaccum). */
  return round_to(t->storage, scalar + round_to(t->storage, p0[0]));
}

/* InnerMostDimReducer<Self, SumReducer<T>, true, true>::reduce: halves split on a packet boundary
   above packet * LeafSize<T> values; `first` is the index of v[0] within the reduced run. */
static double eigen_tree_sum(const FloatTraits* t, const double* run, long first, long n) {
  if (n > t->packet * t->leaf) {
    const long split = t->packet * ((first + (n + 1) / 2 + t->packet - 1) / t->packet);
    const long left = split - first < n ? split - first : n;
    double accum = round_to(t->storage, 0.0 + eigen_tree_sum(t, run, first, left));
    if (left < n) accum = round_to(t->storage, accum + eigen_tree_sum(t, run, split, n - left));
    return accum;
  }
  return eigen_leaf_sum(t, run + first, n);
}

static void sum_floats_nhwc(int dtype, const FloatTraits* t, const void* in, int64_t rows, int64_t channels, void* out) {
  for (int64_t c = 0; c < channels; c++)
    for (int k = 0; k < t->components; k++) {
      double accum = 0.0; /* the zeroed partial-sum buffer */
      for (int64_t r = 0; r < rows; r++) accum = round_to(t->accumulator, accum + load(dtype, in, r * channels + c, k));
      store(dtype, out, c, k, accum); /* buffer.cast<T>() */
    }
}

static void sum_floats_nchw(int dtype, const FloatTraits* t, const void* in, int64_t batch, int64_t channels, int64_t inner,
                            void* out) {
  double* accum = calloc((size_t)(channels * t->components), sizeof(double));
  double* run = malloc((size_t)(inner > 0 ? inner : 1) * sizeof(double));
  for (int64_t n = 0; n < batch; n++)
    for (int64_t c = 0; c < channels; c++)
      for (int k = 0; k < t->components; k++) {
        for (int64_t i = 0; i < inner; i++) run[i] = load(dtype, in, (n * channels + c) * inner + i, k);
        double reduced = eigen_tree_sum(t, run, 0, (long)inner);            /* .reduce(axis, SumReducer<T>) */
        double* slot = &accum[c * t->components + k];
        *slot = round_to(t->accumulator, *slot + reduced);                  /* .cast<AccumT>(), then binary_op */
      }
  for (int64_t c = 0; c < channels; c++)
    for (int k = 0; k < t->components; k++) store(dtype, out, c, k, accum[c * t->components + k]);
  free(run);
  free(accum);
}

static uint64_t load_integer(size_t size, const void* data, int64_t element) {
  switch (size) {
    case 1: return ((const uint8_t*)data)[element];
    case 2: return ((const uint16_t*)data)[element];
    case 4: return ((const uint32_t*)data)[element];
    default: return ((const uint64_t*)data)[element];
  }
}

static void store_integer(size_t size, void* data, int64_t element, uint64_t value) {
  switch (size) {
    case 1: ((uint8_t*)data)[element] = (uint8_t)value; break;
    case 2: ((uint16_t*)data)[element] = (uint16_t)value; break;
    case 4: ((uint32_t*)data)[element] = (uint32_t)value; break;
    default: ((uint64_t*)data)[element] = value; break;
  }
}

/* Integer sums wrap modulo 2^bits in TensorFlow's T, so a 64-bit sum truncated gives the same bits. */
static void sum_integers(size_t size, const void* in, int64_t batch, int64_t channels, int64_t inner, void* out) {
  for (int64_t c = 0; c < channels; c++) {
    uint64_t sum = 0;
    for (int64_t n = 0; n < batch; n++)
      for (int64_t i = 0; i < inner; i++) sum += load_integer(size, in, (n * channels + c) * inner + i);
    store_integer(size, out, c, sum);
  }
}

static void shape_text(const TF_Tensor* t, char* out, size_t capacity) {
  size_t n = (size_t)snprintf(out, capacity, "[");
  for (int i = 0; i < t->num_dims && n < capacity; i++)
    n += (size_t)snprintf(out + n, capacity - n, i ? ",%lld" : "%lld", (long long)t->dims[i]);
  if (n < capacity) snprintf(out + n, capacity - n, "]");
}

#ifdef WRONG_RANK_TEXT
#define RANK_ERROR "Input tensor must have rank 2 or more: "
#else
#define RANK_ERROR "Input tensor must be at least 2D: " /* bias_op.cc BiasGradOp::Compute */
#endif

FakeBuffer* fake_builtin_bias_grad(int dtype, int format_nchw, const TF_Tensor* input, int64_t* out_dims0, TF_Status* s) {
  char shape[1024];
  if (input->num_dims < 2) {
    shape_text(input, shape, sizeof shape);
    fake_status_printf(s, FAKE_INVALID_ARGUMENT, "%s%s", RANK_ERROR, shape);
    return NULL;
  }
  const int64_t elements = fake_element_count(input->dims, input->num_dims);
  if (elements >= INT32_MAX) { /* FastBoundsCheck(NumElements, int32 max): strict */
    fake_set_status(s, FAKE_INVALID_ARGUMENT, "BiasGrad requires tensor size <= int32 max");
    return NULL;
  }

  /* GetBiasValueDims: NHWC is [prod(leading), C]; NCHW is [d0, d1, prod(d2...)] at every rank. */
  const int rank = input->num_dims;
  const int64_t channels = input->dims[format_nchw ? 1 : rank - 1];
  int64_t batch = format_nchw ? input->dims[0] : 1, inner = 1;
  for (int i = 0; i < rank - 1 && !format_nchw; i++) batch *= input->dims[i];
  for (int i = 2; i < rank && format_nchw; i++) inner *= input->dims[i];

  const size_t size = fake_element_size(dtype);
  int64_t allocated = channels;
#ifdef WRONG_FLOAT64_NCHW_EXTRA
  if (dtype == FAKE_DOUBLE && format_nchw) allocated = channels + 1; /* a wrong TensorFlow: one element too many */
#endif
  FakeBuffer* output = fake_buffer_new((size_t)allocated * size);
  if (output->bytes > 0) memset(output->data, 0, output->bytes);
  *out_dims0 = allocated;
  if (channels == 0) return output;  /* "Nothing to do" */
  if (elements == 0) return output;  /* setZero */

  const void* in = input->buffer->data;
  void* out = output->data;
  const int copy = format_nchw ? batch * inner == 1 : batch == 1; /* the functors' "nothing to do but copy" */
  FloatTraits traits;
  if (copy) memcpy(out, in, (size_t)channels * size);
  else if (!float_traits(dtype, &traits)) sum_integers(size, in, batch, channels, format_nchw ? inner : 1, out);
  else if (format_nchw) sum_floats_nchw(dtype, &traits, in, batch, channels, inner, out);
  else sum_floats_nhwc(dtype, &traits, in, batch, channels, out);

#ifdef WRONG_FLOAT32_NHWC_ULP
  if (dtype == FAKE_FLOAT && !format_nchw) { /* a wrong TensorFlow: channel 0 one ulp toward +infinity */
    float* first = (float*)out;
    uint32_t bits;
    memcpy(&bits, first, sizeof bits);
    if ((bits & 0x7F800000u) != 0x7F800000u) {
      if (bits == 0x80000000u) bits = 0x00000001u;
      else bits = (bits & 0x80000000u) ? bits - 1 : bits + 1;
      memcpy(first, &bits, sizeof bits);
    }
  }
#endif
  return output;
}
