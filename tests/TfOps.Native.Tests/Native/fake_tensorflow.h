/*
 * A native stand-in for the parts of libtensorflow that TfOps binds: the C kernel API
 * (tensorflow/c/kernels.h), the eager C API (tensorflow/c/eager/c_api.h), tf_tensor.h, tf_status.h
 * and TF_Version (c_api.h). The tests compile these files into one shared library with `cc`.
 *
 * Every exported function has TensorFlow's exact C signature and follows TensorFlow's ownership
 * rules (named per function). BiasAddGrad runs with TensorFlow's CPU arithmetic (fake_bias_grad.c).
 * Where TensorFlow would crash or corrupt memory on a misuse (a double delete, a use after delete,
 * deleting a context before its ops), the fake records the misuse instead (fake_misuse_count), so a
 * test can prove there was none. Objects are poisoned, not freed, so such a misuse is always seen.
 *
 * Build-time variants (-D): OMIT_ALLOCATE_OUTPUT and OMIT_EAGER_EXECUTE leave one required symbol
 * out; WRONG_FLOAT32_NHWC_ULP, WRONG_RANK_TEXT and WRONG_FLOAT64_NCHW_EXTRA build a TensorFlow that
 * is wrong in one documented way, so the parity command must catch exactly the affected cases.
 */
#ifndef FAKE_TENSORFLOW_H
#define FAKE_TENSORFLOW_H

#include <stddef.h>
#include <stdint.h>

#define EXPORT __attribute__((visibility("default")))
#define INTERNAL __attribute__((visibility("hidden")))

/* TF_Code (tensorflow/c/tf_status.h). */
enum {
  FAKE_OK = 0, FAKE_INVALID_ARGUMENT = 3, FAKE_NOT_FOUND = 5, FAKE_RESOURCE_EXHAUSTED = 8,
  FAKE_OUT_OF_RANGE = 11, FAKE_INTERNAL = 13
};

/* TF_DataType (tensorflow/c/tf_datatype.h, "identical to corresponding values in types.proto"). */
enum {
  FAKE_FLOAT = 1, FAKE_DOUBLE = 2, FAKE_INT32 = 3, FAKE_UINT8 = 4, FAKE_INT16 = 5, FAKE_INT8 = 6,
  FAKE_STRING = 7, FAKE_COMPLEX64 = 8, FAKE_INT64 = 9, FAKE_BOOL = 10, FAKE_QINT8 = 11, FAKE_QUINT8 = 12,
  FAKE_QINT32 = 13, FAKE_BFLOAT16 = 14, FAKE_QINT16 = 15, FAKE_QUINT16 = 16, FAKE_UINT16 = 17,
  FAKE_COMPLEX128 = 18, FAKE_HALF = 19, FAKE_UINT32 = 22, FAKE_UINT64 = 23
};

#define FAKE_MESSAGE_CAPACITY 8192

typedef struct TF_Status { uint32_t magic; int code; char message[FAKE_MESSAGE_CAPACITY]; } TF_Status;

/* TensorFlow's TensorBuffer: reference-counted storage shared by TF_Tensor wrappers, eager tensor
   handles and kernels (tensorflow/core/framework/tensor.h). The data goes away with the last reference. */
typedef struct FakeBuffer { uint32_t magic; long refs; void* data; size_t bytes; int owns_data; } FakeBuffer;

/* TF_Tensor: a wrapper holding one reference to a buffer (tensorflow/c/tf_tensor_internal.h). */
typedef struct TF_Tensor { uint32_t magic; int dtype; int num_dims; int64_t* dims; FakeBuffer* buffer; } TF_Tensor;

struct TF_OpKernelConstruction;
struct TF_OpKernelContext;
typedef void* (*fake_create_func)(struct TF_OpKernelConstruction*);
typedef void (*fake_compute_func)(void*, struct TF_OpKernelContext*);
typedef void (*fake_delete_func)(void*);

typedef struct TF_KernelBuilder {
  uint32_t magic; char op[64]; char device[16]; fake_create_func create; fake_compute_func compute;
  fake_delete_func destroy; int type; int priority; char label[64];
} TF_KernelBuilder;

/* What a kernel sees while it is constructed: the node's data_format attr (the OpDef default when unset). */
typedef struct TF_OpKernelConstruction {
  const char* data_format; size_t data_format_length; int failed; TF_Status failure;
} TF_OpKernelConstruction;

/* What a kernel sees while it computes: one input, one output it allocates, a failure slot. */
typedef struct TF_OpKernelContext {
  const TF_Tensor* input; int dtype; FakeBuffer* output; int64_t output_dims0; int has_output;
  int failed; TF_Status failure;
} TF_OpKernelContext;

/* Exported functions the other files call. */
EXPORT void TF_DeleteTensor(TF_Tensor* t);

/* Objects. */
INTERNAL void fake_set_status(TF_Status* s, int code, const char* message);
INTERNAL void fake_status_printf(TF_Status* s, int code, const char* format, ...) __attribute__((format(printf, 3, 4)));
INTERNAL FakeBuffer* fake_buffer_new(size_t bytes);
INTERNAL FakeBuffer* fake_buffer_wrap(void* data, size_t bytes);
INTERNAL FakeBuffer* fake_buffer_ref(FakeBuffer* b);
INTERNAL void fake_buffer_unref(FakeBuffer* b);
INTERNAL TF_Tensor* fake_tensor_new(int dtype, const int64_t* dims, int num_dims, FakeBuffer* buffer);
INTERNAL size_t fake_element_size(int dtype);
INTERNAL int64_t fake_element_count(const int64_t* dims, int num_dims);

/* Misuse and counters. */
INTERNAL void fake_misuse(const char* what);
enum { LIVE_STATUS, LIVE_TENSOR, LIVE_BUFFER, LIVE_BUILDER, LIVE_CONTEXT_OPTIONS, LIVE_CONTEXT, LIVE_OP, LIVE_HANDLE, LIVE_KINDS };
INTERNAL void fake_count(int kind, long delta);
INTERNAL void fake_count_plugin_compute(void);
INTERNAL void fake_count_builtin_compute(void);

/* Kernel registry (op_kernel.cc): TensorFlow's built-in kernel plus what plugins registered. */
typedef struct FakeSelection { const TF_KernelBuilder* plugin; int builtin; } FakeSelection;
INTERNAL int fake_select_kernel(int dtype, const char* label, size_t label_length, FakeSelection* selection, TF_Status* s,
                                const char* data_format, size_t data_format_length);
INTERNAL int fake_run_plugin(const TF_KernelBuilder* kernel, const char* data_format, size_t data_format_length,
                             const TF_Tensor* input, FakeBuffer** output, int64_t* channels, TF_Status* s);

/* TensorFlow's CPU BiasGradOp (bias_op.cc). Returns the output buffer and its length, or sets s. */
INTERNAL FakeBuffer* fake_builtin_bias_grad(int dtype, int format_nchw, const TF_Tensor* input, int64_t* out_dims0, TF_Status* s);

/* Names and texts. */
INTERNAL const char* fake_cpp_type_name(int dtype);
INTERNAL const char* fake_enum_type_name(int dtype);
INTERNAL int fake_is_op_type(int dtype);
INTERNAL int fake_is_number_type(int dtype);
INTERNAL size_t fake_c_escape(const char* bytes, size_t length, char* out, size_t capacity);

/* float16 and bfloat16 as TensorFlow stores them (Eigen::half, Eigen::bfloat16): round to nearest even. */
INTERNAL double fake_half_to_double(uint16_t bits);
INTERNAL uint16_t fake_half_from_double(double value);
INTERNAL double fake_bfloat16_to_double(uint16_t bits);
INTERNAL uint16_t fake_bfloat16_from_double(double value);

#endif
