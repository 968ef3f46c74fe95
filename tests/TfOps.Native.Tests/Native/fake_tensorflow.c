/*
 * A minimal native stand-in for TensorFlow's C kernel API, compiled by the tests into a shared
 * library. It exports the functions the plugin binds with TensorFlow's exact C signatures (see
 * tensorflow/c/kernels.h, tf_tensor.h, tf_status.h), so the plugin's public path (library loading,
 * symbol resolution, registration, the callbacks) runs end to end through real native calls.
 * The fake_* functions let the tests drive it the way TensorFlow drives a kernel.
 * Build with -DOMIT_ALLOCATE_OUTPUT for a library that lacks one required symbol.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct TF_Status { int code; char message[1024]; } TF_Status;
typedef struct TF_Tensor { int dtype; int num_dims; int64_t dims[16]; void* data; size_t byte_size; } TF_Tensor;
typedef struct TF_OpKernelConstruction {
  const char* data_format; size_t data_format_length; int failed; TF_Status failure;
} TF_OpKernelConstruction;
typedef struct TF_OpKernelContext {
  TF_Tensor input; int dtype; void* output_data; int64_t output_dims0; int has_output; int failed; TF_Status failure;
} TF_OpKernelContext;
typedef void* (*create_func)(TF_OpKernelConstruction*);
typedef void (*compute_func)(void*, TF_OpKernelContext*);
typedef void (*delete_func)(void*);
typedef struct TF_KernelBuilder {
  char op[64]; char device[16]; create_func create; compute_func compute; delete_func destroy;
  int type; int priority; char label[64];
} TF_KernelBuilder;

static TF_KernelBuilder* registry[64];
static int registry_count;
static long live_objects; /* statuses + tensor wrappers + builders not yet released */

static void set_status(TF_Status* s, int code, const char* message) {
  s->code = code;
  strncpy(s->message, message ? message : "", sizeof s->message - 1);
  s->message[sizeof s->message - 1] = '\0';
}

static size_t element_size(int dtype) {
  switch (dtype) {
    case 4: case 6: case 10: case 11: case 12: return 1;
    case 5: case 14: case 15: case 16: case 17: case 19: return 2;
    case 1: case 3: case 13: case 22: return 4;
    case 2: case 8: case 9: case 23: return 8;
    case 18: return 16;
    default: return 0;
  }
}

/* tf_status.h */
EXPORT TF_Status* TF_NewStatus(void) { live_objects++; return calloc(1, sizeof(TF_Status)); }
EXPORT void TF_DeleteStatus(TF_Status* s) { if (s) { live_objects--; free(s); } }
EXPORT void TF_SetStatus(TF_Status* s, int code, const char* msg) { set_status(s, code, msg); }
EXPORT int TF_GetCode(const TF_Status* s) { return s->code; }
EXPORT const char* TF_Message(const TF_Status* s) { return s->message; }

/* tf_tensor.h */
EXPORT void* TF_TensorData(const TF_Tensor* t) { return t->data; }
EXPORT int TF_NumDims(const TF_Tensor* t) { return t->num_dims; }
EXPORT int64_t TF_Dim(const TF_Tensor* t, int i) { return t->dims[i]; }
EXPORT int TF_TensorType(const TF_Tensor* t) { return t->dtype; }
EXPORT int64_t TF_TensorElementCount(const TF_Tensor* t) {
  int64_t n = 1;
  for (int i = 0; i < t->num_dims; i++) n *= t->dims[i];
  return n;
}
EXPORT size_t TF_TensorByteSize(const TF_Tensor* t) { return t->byte_size; }
EXPORT void TF_DeleteTensor(TF_Tensor* t) { if (t) { live_objects--; free(t); } }

/* kernels.h */
EXPORT TF_KernelBuilder* TF_NewKernelBuilder(const char* op_name, const char* device_name,
    void* (*create)(TF_OpKernelConstruction*), void (*compute)(void*, TF_OpKernelContext*), void (*destroy)(void*)) {
  TF_KernelBuilder* b = calloc(1, sizeof(TF_KernelBuilder));
  strncpy(b->op, op_name, sizeof b->op - 1);
  strncpy(b->device, device_name, sizeof b->device - 1);
  b->create = create; b->compute = compute; b->destroy = destroy; b->type = -1;
  live_objects++;
  return b;
}
EXPORT void TF_DeleteKernelBuilder(TF_KernelBuilder* b) { if (b) { live_objects--; free(b); } }
EXPORT void TF_KernelBuilder_TypeConstraint(TF_KernelBuilder* b, const char* attr, const int type, TF_Status* s) {
  set_status(s, 0, "");
  if (strcmp(attr, "T") != 0) { set_status(s, 3, "unknown type attr"); return; }
  b->type = type;
}
EXPORT void TF_KernelBuilder_Priority(TF_KernelBuilder* b, int32_t priority) { b->priority = priority; }
EXPORT void TF_KernelBuilder_Label(TF_KernelBuilder* b, const char* label) { strncpy(b->label, label, sizeof b->label - 1); }
EXPORT void TF_RegisterKernelBuilder(const char* name, TF_KernelBuilder* b, TF_Status* s) {
  (void)name;
  set_status(s, 0, "");
  live_objects--; /* TensorFlow owns it now */
  if (registry_count == 64) { set_status(s, 8, "registry full"); free(b); return; }
  registry[registry_count++] = b;
}

EXPORT void TF_GetInput(TF_OpKernelContext* ctx, int i, TF_Tensor** tensor, TF_Status* s) {
  set_status(s, 0, "");
  if (i != 0) { set_status(s, 11, "input index out of range"); return; }
  TF_Tensor* t = malloc(sizeof(TF_Tensor));
  *t = ctx->input; /* a new wrapper sharing the buffer, as TensorFlow does */
  live_objects++;
  *tensor = t;
}

#ifndef OMIT_ALLOCATE_OUTPUT
EXPORT TF_Tensor* TF_AllocateOutput(TF_OpKernelContext* ctx, int index, int dtype, const int64_t* dims, int num_dims,
    size_t len, TF_Status* s) {
  (void)dtype; (void)len; /* ignored, as in TensorFlow: the node's dtype decides */
  set_status(s, 0, "");
  if (index != 0 || num_dims != 1 || ctx->has_output) { set_status(s, 13, "unexpected output allocation"); return NULL; }
  size_t bytes = (size_t)dims[0] * element_size(ctx->dtype);
  ctx->output_data = malloc(bytes ? bytes : 1);
  ctx->output_dims0 = dims[0];
  ctx->has_output = 1;
  TF_Tensor* t = calloc(1, sizeof(TF_Tensor));
  t->dtype = ctx->dtype; t->num_dims = 1; t->dims[0] = dims[0]; t->data = ctx->output_data; t->byte_size = bytes;
  live_objects++;
  return t;
}
#endif

EXPORT void TF_OpKernelContext_Failure(TF_OpKernelContext* ctx, TF_Status* s) { ctx->failed = 1; ctx->failure = *s; }
EXPORT void TF_OpKernelConstruction_Failure(TF_OpKernelConstruction* ctx, TF_Status* s) { ctx->failed = 1; ctx->failure = *s; }
EXPORT void TF_OpKernelConstruction_GetAttrSize(TF_OpKernelConstruction* ctx, const char* name, int32_t* list_size,
    int32_t* total_size, TF_Status* s) {
  set_status(s, 0, "");
  if (strcmp(name, "data_format") != 0) { set_status(s, 3, "no such attr"); return; }
  *list_size = -1;
  *total_size = (int32_t)ctx->data_format_length;
}
EXPORT void TF_OpKernelConstruction_GetAttrString(TF_OpKernelConstruction* ctx, const char* name, char* value,
    size_t max_length, TF_Status* s) {
  set_status(s, 0, "");
  if (strcmp(name, "data_format") != 0) { set_status(s, 3, "no such attr"); return; }
  size_t n = ctx->data_format_length < max_length ? ctx->data_format_length : max_length;
  memcpy(value, ctx->data_format, n); /* no NUL terminator, like TensorFlow */
}

/* Test driver */
EXPORT int fake_registration_count(void) { return registry_count; }
EXPORT int fake_registration(int i, int* type, int* priority) {
  *type = registry[i]->type;
  *priority = registry[i]->priority;
  return strcmp(registry[i]->op, "BiasAddGrad") == 0 && strcmp(registry[i]->device, "CPU") == 0;
}
EXPORT long fake_live_objects(void) { return live_objects; }

/* Runs one BiasAddGrad node: select by dtype (highest priority), create, compute, delete. Returns the
   TF_Code; on success copies the output into `output` and its length into *channels. */
EXPORT int fake_run(int dtype, const char* data_format, const int64_t* dims, int num_dims, void* input, size_t input_bytes,
    void* output, size_t output_capacity, int64_t* channels, char* message, size_t message_capacity) {
  TF_KernelBuilder* kernel = NULL;
  for (int i = 0; i < registry_count; i++)
    if (registry[i]->type == dtype && (!kernel || registry[i]->priority > kernel->priority)) kernel = registry[i];
  if (!kernel) { strncpy(message, "No registered 'BiasAddGrad' OpKernel for 'CPU' devices", message_capacity - 1); return 5; }

  TF_OpKernelConstruction construction = { data_format, strlen(data_format), 0, { 0, "" } };
  void* state = kernel->create ? kernel->create(&construction) : NULL;
  int code = 0;
  if (construction.failed) {
    code = construction.failure.code;
    strncpy(message, construction.failure.message, message_capacity - 1);
  } else {
    TF_OpKernelContext context;
    memset(&context, 0, sizeof context);
    context.input.dtype = dtype; context.input.num_dims = num_dims; context.input.data = input; context.input.byte_size = input_bytes;
    for (int i = 0; i < num_dims; i++) context.input.dims[i] = dims[i];
    context.dtype = dtype;
    kernel->compute(state, &context);
    if (context.failed) {
      code = context.failure.code;
      strncpy(message, context.failure.message, message_capacity - 1);
    } else {
      size_t bytes = (size_t)context.output_dims0 * element_size(dtype);
      if (bytes > output_capacity) { code = 13; strncpy(message, "output larger than the test's buffer", message_capacity - 1); }
      else { memcpy(output, context.output_data, bytes); *channels = context.output_dims0; }
    }
    free(context.output_data);
  }
  if (kernel->destroy) kernel->destroy(state);
  return code;
}
