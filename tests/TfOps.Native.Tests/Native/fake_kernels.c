/*
 * The C kernel API (tensorflow/c/kernels.h, kernels.cc) and TensorFlow's kernel registry
 * (tensorflow/core/framework/op_kernel.cc): plugins register builders here, and the eager executor
 * (fake_eager.c) and the fake_run driver select kernels from it the way TensorFlow does.
 */
#include "fake_tensorflow.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_MAGIC 0x4C495645u
#define DEAD_MAGIC 0x44454144u
#define REGISTRY_CAPACITY 256

static TF_KernelBuilder* registry[REGISTRY_CAPACITY];
static int registry_count;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;

/* ------------------------------------------------------------------ registration */

EXPORT TF_KernelBuilder* TF_NewKernelBuilder(const char* op_name, const char* device_name,
    void* (*create)(TF_OpKernelConstruction*), void (*compute)(void*, TF_OpKernelContext*), void (*destroy)(void*)) {
  TF_KernelBuilder* b = calloc(1, sizeof(TF_KernelBuilder));
  b->magic = LIVE_MAGIC;
  snprintf(b->op, sizeof b->op, "%s", op_name);
  snprintf(b->device, sizeof b->device, "%s", device_name);
  b->create = create; b->compute = compute; b->destroy = destroy; b->type = -1;
  fake_count(LIVE_BUILDER, 1);
  return b;
}

/* Only for a builder that was never registered (TF_RegisterKernelBuilder takes ownership). */
EXPORT void TF_DeleteKernelBuilder(TF_KernelBuilder* b) {
  if (!b) return;
  if (b->magic != LIVE_MAGIC) { fake_misuse("TF_DeleteKernelBuilder on a registered or deleted builder"); return; }
  b->magic = DEAD_MAGIC;
  fake_count(LIVE_BUILDER, -1);
}

EXPORT void TF_KernelBuilder_TypeConstraint(TF_KernelBuilder* b, const char* attr, const int type, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (strcmp(attr, "T") != 0) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "unknown type attr"); return; }
  b->type = type;
}

EXPORT void TF_KernelBuilder_Priority(TF_KernelBuilder* b, int32_t priority) { b->priority = priority; }
EXPORT void TF_KernelBuilder_Label(TF_KernelBuilder* b, const char* label) { snprintf(b->label, sizeof b->label, "%s", label); }

/* Registration always reports OK; conflicts surface when a node runs (op_kernel.cc). Takes ownership. */
EXPORT void TF_RegisterKernelBuilder(const char* name, TF_KernelBuilder* b, TF_Status* s) {
  (void)name;
  fake_set_status(s, FAKE_OK, "");
  if (b->magic != LIVE_MAGIC) { fake_misuse("TF_RegisterKernelBuilder with a deleted builder"); return; }
  fake_count(LIVE_BUILDER, -1); /* TensorFlow owns it now */
  pthread_mutex_lock(&registry_lock);
  if (registry_count == REGISTRY_CAPACITY) fake_set_status(s, FAKE_RESOURCE_EXHAUSTED, "registry full");
  else registry[registry_count++] = b;
  pthread_mutex_unlock(&registry_lock);
}

/* ------------------------------------------------------------------ inside create and compute */

EXPORT void TF_GetInput(TF_OpKernelContext* ctx, int i, TF_Tensor** tensor, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (i != 0) { fake_set_status(s, FAKE_OUT_OF_RANGE, "input index out of range"); return; }
  /* A new wrapper sharing the input's buffer; the caller deletes it (kernels.cc TF_GetInput). */
  *tensor = fake_tensor_new(ctx->input->dtype, ctx->input->dims, ctx->input->num_dims, fake_buffer_ref(ctx->input->buffer));
}

EXPORT int TF_InputDatatype(TF_OpKernelContext* ctx, int index) { return index == 0 ? ctx->input->dtype : 0; }
EXPORT int TF_ExpectedOutputDataType(TF_OpKernelContext* ctx, int i) { return i == 0 ? ctx->dtype : 0; }

#ifndef OMIT_ALLOCATE_OUTPUT
/* dtype and len are ignored, as in kernels.cc: the node's dtype and the shape decide. */
EXPORT TF_Tensor* TF_AllocateOutput(TF_OpKernelContext* ctx, int index, int dtype, const int64_t* dims, int num_dims,
    size_t len, TF_Status* s) {
  (void)dtype; (void)len;
  fake_set_status(s, FAKE_OK, "");
  if (index != 0 || num_dims != 1 || ctx->has_output) { fake_misuse("an unexpected TF_AllocateOutput"); fake_set_status(s, FAKE_INTERNAL, "unexpected output allocation"); return NULL; }
  ctx->output = fake_buffer_new((size_t)dims[0] * fake_element_size(ctx->dtype));
  ctx->output_dims0 = dims[0];
  ctx->has_output = 1;
  return fake_tensor_new(ctx->dtype, dims, 1, fake_buffer_ref(ctx->output)); /* the caller deletes the wrapper */
}
#endif

EXPORT void TF_OpKernelContext_Failure(TF_OpKernelContext* ctx, TF_Status* s) { ctx->failed = 1; ctx->failure = *s; }
EXPORT void TF_OpKernelConstruction_Failure(TF_OpKernelConstruction* ctx, TF_Status* s) { ctx->failed = 1; ctx->failure = *s; }

EXPORT void TF_OpKernelConstruction_GetAttrSize(TF_OpKernelConstruction* ctx, const char* name, int32_t* list_size,
    int32_t* total_size, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (strcmp(name, "data_format") != 0) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "no such attr"); return; }
  *list_size = -1;
  *total_size = (int32_t)ctx->data_format_length;
}

EXPORT void TF_OpKernelConstruction_GetAttrString(TF_OpKernelConstruction* ctx, const char* name, char* value,
    size_t max_length, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (strcmp(name, "data_format") != 0) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "no such attr"); return; }
  size_t n = ctx->data_format_length < max_length ? ctx->data_format_length : max_length;
  memcpy(value, ctx->data_format, n); /* no NUL terminator, like TensorFlow */
}

/* ------------------------------------------------------------------ kernel selection */

static size_t append(char* out, size_t n, size_t capacity, const char* text) {
  if (n < capacity) n += (size_t)snprintf(out + n, capacity - n, "%s", text);
  return n < capacity ? n : capacity;
}

/* KernelDef::ShortDebugString: fields in number order (op, device_type, constraint, label, priority). */
static void kernel_def_text(const TF_KernelBuilder* b, int dtype, char* out, size_t capacity) {
  if (!b) {
    snprintf(out, capacity, "op: \"BiasAddGrad\" device_type: \"CPU\" constraint { name: \"T\" allowed_values { list { type: %s } } }",
             fake_enum_type_name(dtype));
    return;
  }
  size_t n = (size_t)snprintf(out, capacity, "op: \"%s\" device_type: \"%s\" constraint { name: \"T\" allowed_values { list { type: %s } } }",
                              b->op, b->device, fake_enum_type_name(b->type));
  if (b->label[0] && n < capacity) n += (size_t)snprintf(out + n, capacity - n, " label: \"%s\"", b->label);
  if (b->priority && n < capacity) snprintf(out + n, capacity - n, " priority: %d", b->priority);
}

static int is_bias_add_grad_on_cpu(const TF_KernelBuilder* b) { return strcmp(b->op, "BiasAddGrad") == 0 && strcmp(b->device, "CPU") == 0; }

static int label_is(const TF_KernelBuilder* b, const char* label, size_t length) {
  return strlen(b->label) == length && memcmp(b->label, label, length) == 0;
}

/* KernelsRegisteredForOp: one line per registration, TensorFlow's built-in ones first. */
static size_t registered_text(char* out, size_t n, size_t capacity) {
  for (int dtype = 1; dtype <= FAKE_UINT64; dtype++)
    if (fake_is_number_type(dtype)) {
      char line[128];
      snprintf(line, sizeof line, "  device='CPU'; T in [%s]\n", fake_enum_type_name(dtype));
      n = append(out, n, capacity, line);
    }
  for (int i = 0; i < registry_count; i++) {
    char line[256];
    const TF_KernelBuilder* b = registry[i];
    if (strcmp(b->op, "BiasAddGrad") != 0) continue;
    if (b->label[0]) snprintf(line, sizeof line, "  device='%s'; label='%s'; T in [%s]\n", b->device, b->label, fake_enum_type_name(b->type));
    else snprintf(line, sizeof line, "  device='%s'; T in [%s]\n", b->device, fake_enum_type_name(b->type));
    n = append(out, n, capacity, line);
  }
  return n;
}

/* FindKernelRegistration + CreateOpKernel (op_kernel.cc): only registrations whose label equals the
   node's `_kernel` attr (absent = "") are considered; TensorFlow's built-in BiasGradOp is the
   registration with label "" and priority 0 for each of TF_CALL_NUMBER_TYPES. The highest priority
   wins; a tie at the best priority found so far fails with InvalidArgument, and no match is NotFound.
   The registry is walked built-in first, then in registration order. Text after the first line
   ("\n\t ...") follows op_kernel.cc's layout; callers compare the first line only. */
int fake_select_kernel(int dtype, const char* label, size_t label_length, FakeSelection* selection, TF_Status* s,
                       const char* data_format, size_t data_format_length) {
  char a[512], b[512];
  selection->plugin = NULL;
  selection->builtin = 0;
  int found = 0, priority = 0, attr_mismatch = 0;
  if (label_length == 0) {
    if (fake_is_number_type(dtype)) { found = 1; selection->builtin = 1; priority = 0; }
    else attr_mismatch = 1;
  }

  pthread_mutex_lock(&registry_lock);
  for (int i = 0; i < registry_count; i++) {
    const TF_KernelBuilder* r = registry[i];
    if (!is_bias_add_grad_on_cpu(r) || !label_is(r, label, label_length)) continue;
    if (r->type != dtype) { attr_mismatch = 1; continue; }
    if (found && r->priority == priority) {
      kernel_def_text(selection->builtin ? NULL : selection->plugin, dtype, a, sizeof a);
      kernel_def_text(r, dtype, b, sizeof b);
      fake_status_printf(s, FAKE_INVALID_ARGUMENT,
                         "Multiple OpKernel registrations match NodeDef at the same priority '{{node BiasAddGrad}}': '%s' and '%s'\n\t when instantiating BiasAddGrad",
                         a, b);
      pthread_mutex_unlock(&registry_lock);
      return 0;
    }
    if (found && priority > r->priority) continue;
    found = 1; priority = r->priority; selection->plugin = r; selection->builtin = 0;
  }

  if (!found) {
    char message[FAKE_MESSAGE_CAPACITY], escaped[256], kernel[256];
    size_t n = (size_t)snprintf(message, sizeof message,
                                "No registered 'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}");
    if (attr_mismatch) {
      /* SummarizeAttrs: attrs sorted by name, then the device as "_device". */
      fake_c_escape(data_format, data_format_length, escaped, sizeof escaped);
      fake_c_escape(label, label_length, kernel, sizeof kernel);
      char requested[1024];
      if (label_length) snprintf(requested, sizeof requested, "T=%s, _kernel=\"%s\", data_format=\"%s\", _device=\"/job:localhost/replica:0/task:0/device:CPU:0\"", fake_enum_type_name(dtype), kernel, escaped);
      else snprintf(requested, sizeof requested, "T=%s, data_format=\"%s\", _device=\"/job:localhost/replica:0/task:0/device:CPU:0\"", fake_enum_type_name(dtype), escaped);
      n = append(message, n, sizeof message, "\n\t (OpKernel was found, but attributes didn't match) Requested Attributes: ");
      n = append(message, n, sizeof message, requested);
    }
    n = append(message, n, sizeof message, "\n\t.  Registered:");
    registered_text(message, n, sizeof message);
    fake_set_status(s, FAKE_NOT_FOUND, message);
  }
  pthread_mutex_unlock(&registry_lock);
  return found;
}

/* Builds the plugin's kernel (create), runs compute, and deletes it. TensorFlow keeps an eager kernel
   in a cache keyed by the op's attrs and deletes it with the context; building one per call changes
   when create and delete run, not what compute sees. */
int fake_run_plugin(const TF_KernelBuilder* kernel, const char* data_format, size_t data_format_length,
                    const TF_Tensor* input, FakeBuffer** output, int64_t* channels, TF_Status* s) {
  TF_OpKernelConstruction construction;
  memset(&construction, 0, sizeof construction);
  construction.data_format = data_format;
  construction.data_format_length = data_format_length;
  void* state = kernel->create ? kernel->create(&construction) : NULL;
  if (construction.failed) {
    if (kernel->destroy) kernel->destroy(state); /* the failed OpKernel is deleted, and with it the state */
    fake_set_status(s, construction.failure.code, construction.failure.message);
    return 0;
  }

  TF_OpKernelContext context;
  memset(&context, 0, sizeof context);
  context.input = input;
  context.dtype = input->dtype;
  fake_count_plugin_compute();
  kernel->compute(state, &context);
  if (kernel->destroy) kernel->destroy(state);
  if (context.failed) {
    fake_buffer_unref(context.output);
    fake_set_status(s, context.failure.code, context.failure.message);
    return 0;
  }
  if (!context.has_output) {
    fake_set_status(s, FAKE_INTERNAL, "Missing 0-th output from {{node BiasAddGrad}}");
    return 0;
  }
  *output = context.output;
  *channels = context.output_dims0;
  return 1;
}

/* ------------------------------------------------------------------ test driver */

EXPORT int fake_registration_count(void) { return registry_count; }

EXPORT int fake_registration(int i, int* type, int* priority) {
  *type = registry[i]->type;
  *priority = registry[i]->priority;
  return is_bias_add_grad_on_cpu(registry[i]);
}

EXPORT const char* fake_registration_label(int i) { return registry[i]->label; }

/* Forgets every registration (a test seam; TensorFlow has no unregister). */
EXPORT void fake_clear_registrations(void) {
  pthread_mutex_lock(&registry_lock);
  registry_count = 0;
  pthread_mutex_unlock(&registry_lock);
}

/* Runs one BiasAddGrad node straight through the kernel TensorFlow would select for an unlabeled
   node (no attr validation: the kernel sees data_format as given). Returns the TF_Code; on success
   copies the output into `output` and its length into *channels. */
EXPORT int fake_run(int dtype, const char* data_format, const int64_t* dims, int num_dims, void* input, size_t input_bytes,
    void* output, size_t output_capacity, int64_t* channels, char* message, size_t message_capacity) {
  TF_Status status;
  memset(&status, 0, sizeof status);
  FakeSelection selection;
  size_t format_length = strlen(data_format);
  if (!fake_select_kernel(dtype, "", 0, &selection, &status, data_format, format_length)) {
    snprintf(message, message_capacity, "%s", status.message);
    return status.code;
  }

  TF_Tensor* in = fake_tensor_new(dtype, dims, num_dims, fake_buffer_wrap(input, input_bytes));
  FakeBuffer* out = NULL;
  int64_t length = 0;
  int ok;
  if (selection.builtin) {
    fake_count_builtin_compute();
    out = fake_builtin_bias_grad(dtype, format_length == 4 && memcmp(data_format, "NCHW", 4) == 0, in, &length, &status);
    ok = out != NULL;
  } else {
    ok = fake_run_plugin(selection.plugin, data_format, format_length, in, &out, &length, &status);
  }
  TF_DeleteTensor(in);

  int code = ok ? FAKE_OK : status.code;
  if (!ok) snprintf(message, message_capacity, "%s", status.message);
  else {
    size_t bytes = (size_t)length * fake_element_size(dtype);
    if (bytes > output_capacity) { code = FAKE_INTERNAL; snprintf(message, message_capacity, "output larger than the test's buffer"); }
    else { if (bytes) memcpy(output, out->data, bytes); *channels = length; }
  }
  fake_buffer_unref(out);
  return code;
}
