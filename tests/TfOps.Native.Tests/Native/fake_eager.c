/*
 * The eager C API (tensorflow/c/eager/c_api.h; behaviour from c_api.cc, execute.cc and
 * attr_builder.cc): contexts, ops, tensor handles and synchronous execution of BiasAddGrad on the
 * CPU through the kernel registry (fake_kernels.c).
 */
#include "fake_tensorflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_MAGIC 0x4C495645u
#define DEAD_MAGIC 0x44454144u
#define MAX_ATTRS 8
#define CPU_DEVICE "/job:localhost/replica:0/task:0/device:CPU:0"

typedef struct TFE_ContextOptions { uint32_t magic; int intra_op_threads; } TFE_ContextOptions;
typedef struct TFE_Context { uint32_t magic; long live_ops; int intra_op_threads; } TFE_Context;

/* An eager tensor handle: reference-counted, sharing its tensor's buffer (TensorHandle::CreateLocalHandle). */
typedef struct TFE_TensorHandle { uint32_t magic; long refs; TF_Tensor* tensor; } TFE_TensorHandle;

typedef struct FakeAttr { char* name; int is_type; int type; char* bytes; size_t length; } FakeAttr;

typedef struct TFE_Op {
  uint32_t magic; TFE_Context* ctx; char device[256]; FakeAttr attrs[MAX_ATTRS]; int attr_count;
  TFE_TensorHandle* input; int input_count;
} TFE_Op;

static char last_device[256];
static int last_intra_op_threads = -1;

static int live(uint32_t magic, const void* object, const char* call, const char* type) {
  if (object && magic == LIVE_MAGIC) return 1;
  char what[160];
  snprintf(what, sizeof what, "%s on a %s %s", call, object ? "deleted" : "NULL", type);
  fake_misuse(what);
  return 0;
}

#define LIVE(object, call, type) ((object) && live((object)->magic, (object), (call), (type)))

/* ------------------------------------------------------------------ contexts */

EXPORT TFE_ContextOptions* TFE_NewContextOptions(void) {
  TFE_ContextOptions* options = calloc(1, sizeof(TFE_ContextOptions));
  options->magic = LIVE_MAGIC;
  fake_count(LIVE_CONTEXT_OPTIONS, 1);
  return options;
}

EXPORT void TFE_DeleteContextOptions(TFE_ContextOptions* options) {
  if (!options) return;
  if (!LIVE(options, "TFE_DeleteContextOptions", "TFE_ContextOptions")) return;
  options->magic = DEAD_MAGIC;
  fake_count(LIVE_CONTEXT_OPTIONS, -1);
}

static int read_varint(const unsigned char** p, const unsigned char* end, uint64_t* value) {
  *value = 0;
  for (int shift = 0; *p < end && shift < 64; shift += 7) {
    unsigned char byte = *(*p)++;
    *value |= (uint64_t)(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return 1;
  }
  return 0;
}

/* void TFE_ContextOptionsSetConfig(TFE_ContextOptions*, const void* proto, size_t proto_len, TF_Status*);
   a serialized ConfigProto (c_api.cc TF_SetConfig: "Unparseable ConfigProto" when it does not parse).
   The fake reads varint fields only and records intra_op_parallelism_threads (field 2). */
EXPORT void TFE_ContextOptionsSetConfig(TFE_ContextOptions* options, const void* proto, size_t proto_len, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(options, "TFE_ContextOptionsSetConfig", "TFE_ContextOptions")) return;
  const unsigned char *p = proto, *end = p + proto_len;
  while (p < end) {
    uint64_t key, value;
    if (!read_varint(&p, end, &key) || (key & 7) != 0 || !read_varint(&p, end, &value)) {
      fake_set_status(s, FAKE_INVALID_ARGUMENT, "Unparseable ConfigProto");
      return;
    }
    if ((key >> 3) == 2) options->intra_op_threads = (int)value;
  }
}

/* TFE_Context* TFE_NewContext(const TFE_ContextOptions* opts, TF_Status* status); copies what it
   needs from the options, which may be deleted right after. */
EXPORT TFE_Context* TFE_NewContext(const TFE_ContextOptions* opts, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(opts, "TFE_NewContext", "TFE_ContextOptions")) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "no options"); return NULL; }
  TFE_Context* ctx = calloc(1, sizeof(TFE_Context));
  ctx->magic = LIVE_MAGIC;
  ctx->intra_op_threads = opts->intra_op_threads;
  last_intra_op_threads = opts->intra_op_threads;
  fake_count(LIVE_CONTEXT, 1);
  return ctx;
}

/* void TFE_DeleteContext(TFE_Context* ctx); one argument in current TensorFlow; null-safe. The header
   assumes every op of the context was deleted first. */
EXPORT void TFE_DeleteContext(TFE_Context* ctx) {
  if (!ctx) return;
  if (!LIVE(ctx, "TFE_DeleteContext", "TFE_Context")) return;
  if (__atomic_load_n(&ctx->live_ops, __ATOMIC_SEQ_CST) != 0) fake_misuse("TFE_DeleteContext while ops of the context are alive");
  ctx->magic = DEAD_MAGIC;
  fake_count(LIVE_CONTEXT, -1);
}

/* ------------------------------------------------------------------ tensor handles */

static TFE_TensorHandle* handle_new(TF_Tensor* tensor) {
  TFE_TensorHandle* h = calloc(1, sizeof(TFE_TensorHandle));
  h->magic = LIVE_MAGIC;
  h->refs = 1;
  h->tensor = tensor;
  fake_count(LIVE_HANDLE, 1);
  return h;
}

static void handle_unref(TFE_TensorHandle* h) {
  if (__atomic_sub_fetch(&h->refs, 1, __ATOMIC_SEQ_CST) == 0) {
    h->magic = DEAD_MAGIC;
    TF_DeleteTensor(h->tensor);
    fake_count(LIVE_HANDLE, -1);
  }
}

/* TFE_TensorHandle* TFE_NewTensorHandle(const TF_Tensor* t, TF_Status* status); does NOT take
   ownership of t: the handle shares the buffer, and the caller still deletes t. */
EXPORT TFE_TensorHandle* TFE_NewTensorHandle(const TF_Tensor* t, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!t || t->magic != LIVE_MAGIC) { fake_misuse("TFE_NewTensorHandle with a deleted or NULL TF_Tensor"); fake_set_status(s, FAKE_INVALID_ARGUMENT, "invalid tensor"); return NULL; }
  return handle_new(fake_tensor_new(t->dtype, t->dims, t->num_dims, fake_buffer_ref(t->buffer)));
}

/* void TFE_DeleteTensorHandle(TFE_TensorHandle* h); null-safe; drops the caller's reference (an op
   that took the handle as an input keeps its own). */
EXPORT void TFE_DeleteTensorHandle(TFE_TensorHandle* h) {
  if (!h) return;
  if (!LIVE(h, "TFE_DeleteTensorHandle", "TFE_TensorHandle")) return;
  handle_unref(h);
}

/* TF_Tensor* TFE_TensorHandleResolve(TFE_TensorHandle* h, TF_Status* status); a new TF_Tensor the
   caller owns and deletes, aliasing the handle's memory. */
EXPORT TF_Tensor* TFE_TensorHandleResolve(TFE_TensorHandle* h, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(h, "TFE_TensorHandleResolve", "TFE_TensorHandle")) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "invalid handle"); return NULL; }
  TF_Tensor* t = h->tensor;
  return fake_tensor_new(t->dtype, t->dims, t->num_dims, fake_buffer_ref(t->buffer));
}

/* ------------------------------------------------------------------ ops */

/* TFE_Op* TFE_NewOp(TFE_Context* ctx, const char* op_or_function_name, TF_Status* status); the
   context must outlive the op. Only BiasAddGrad is registered in this binary. */
EXPORT TFE_Op* TFE_NewOp(TFE_Context* ctx, const char* name, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(ctx, "TFE_NewOp", "TFE_Context")) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "invalid context"); return NULL; }
  if (strcmp(name, "BiasAddGrad") != 0) {
    fake_status_printf(s, FAKE_NOT_FOUND, "Op type not registered '%s' in binary running on fake.", name);
    return NULL;
  }
  TFE_Op* op = calloc(1, sizeof(TFE_Op));
  op->magic = LIVE_MAGIC;
  op->ctx = ctx;
  __atomic_add_fetch(&ctx->live_ops, 1, __ATOMIC_SEQ_CST);
  fake_count(LIVE_OP, 1);
  return op;
}

EXPORT void TFE_DeleteOp(TFE_Op* op) {
  if (!op) return;
  if (!LIVE(op, "TFE_DeleteOp", "TFE_Op")) return;
  if (op->ctx->magic != LIVE_MAGIC) fake_misuse("TFE_DeleteOp after TFE_DeleteContext");
  op->magic = DEAD_MAGIC;
  if (op->input) handle_unref(op->input);
  for (int i = 0; i < op->attr_count; i++) { free(op->attrs[i].name); free(op->attrs[i].bytes); }
  __atomic_sub_fetch(&op->ctx->live_ops, 1, __ATOMIC_SEQ_CST);
  fake_count(LIVE_OP, -1);
}

EXPORT void TFE_OpSetDevice(TFE_Op* op, const char* device_name, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(op, "TFE_OpSetDevice", "TFE_Op")) return;
  snprintf(op->device, sizeof op->device, "%s", device_name);
  snprintf(last_device, sizeof last_device, "%s", device_name);
}

static FakeAttr* find_attr(TFE_Op* op, const char* name) {
  for (int i = 0; i < op->attr_count; i++)
    if (strcmp(op->attrs[i].name, name) == 0) return &op->attrs[i];
  return NULL;
}

/* AttrBuilder::Set -> AddAttrIfNotPresent (attr_builder.cc): encoded_attrs_.emplace, so the FIRST
   value set for a name stays and later ones are dropped silently. Any name is accepted. */
static FakeAttr* add_attr_if_not_present(TFE_Op* op, const char* name) {
  if (find_attr(op, name) || op->attr_count == MAX_ATTRS) return NULL;
  FakeAttr* attr = &op->attrs[op->attr_count++];
  memset(attr, 0, sizeof *attr);
  attr->name = strdup(name);
  return attr;
}

EXPORT void TFE_OpSetAttrType(TFE_Op* op, const char* attr_name, int value) {
  if (!LIVE(op, "TFE_OpSetAttrType", "TFE_Op")) return;
  FakeAttr* attr = add_attr_if_not_present(op, attr_name);
  if (attr) { attr->is_type = 1; attr->type = value; }
}

/* void TFE_OpSetAttrString(TFE_Op* op, const char* attr_name, const void* value, size_t length);
   `length` bytes are copied: no NUL is needed or read, and an embedded NUL is kept. */
EXPORT void TFE_OpSetAttrString(TFE_Op* op, const char* attr_name, const void* value, size_t length) {
  if (!LIVE(op, "TFE_OpSetAttrString", "TFE_Op")) return;
  FakeAttr* attr = add_attr_if_not_present(op, attr_name);
  if (!attr) return;
  attr->bytes = malloc(length ? length : 1);
  if (length) memcpy(attr->bytes, value, length);
  attr->length = length;
}

/* The op takes its own reference to h (EagerOperation::AddTensorHandle), and infers an unset T from
   it (MaybeInferSingleInputAttrs). The caller still deletes its handle. */
EXPORT void TFE_OpAddInput(TFE_Op* op, TFE_TensorHandle* h, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(op, "TFE_OpAddInput", "TFE_Op") || !LIVE(h, "TFE_OpAddInput", "TFE_TensorHandle")) return;
  if (op->input_count++ > 0) { fake_misuse("a second input to BiasAddGrad"); return; }
  __atomic_add_fetch(&h->refs, 1, __ATOMIC_SEQ_CST);
  op->input = h;
  FakeAttr* t = add_attr_if_not_present(op, "T");
  if (t) { t->is_type = 1; t->type = h->tensor->dtype; }
}

/* ValidateNodeDef (node_def_util.cc) for BiasAddGrad's OpDef: T in numbertype, then data_format in
   {"NHWC", "NCHW"} (attrs in the OpDef's order). The first line is TensorFlow's text; the NodeDef and
   OpDef summary follows after "\n\t; ". */
__attribute__((unused)) static int validate_attrs(int dtype, const char* format, size_t format_length, TF_Status* s) {
  static const char* const op_def =
      "\n\t; NodeDef: {{node BiasAddGrad}}; Op<name=BiasAddGrad; signature=out_backprop:T -> output:T; "
      "attr=T:type,allowed=[DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT8, DT_INT16, DT_INT8, DT_COMPLEX64, DT_INT64, "
      "DT_QINT8, DT_QUINT8, DT_QINT32, DT_BFLOAT16, DT_QINT16, DT_QUINT16, DT_UINT16, DT_COMPLEX128, DT_HALF, "
      "DT_UINT32, DT_UINT64]; attr=data_format:string,default=\"NHWC\",allowed=[\"NHWC\", \"NCHW\"]>";
  if (!fake_is_op_type(dtype)) {
    fake_status_printf(s, FAKE_INVALID_ARGUMENT,
                       "Value for attr 'T' of %s is not in the list of allowed values: float, double, int32, uint8, int16, "
                       "int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, "
                       "uint32, uint64%s", fake_cpp_type_name(dtype), op_def);
    return 0;
  }
  int known = format_length == 4 && (memcmp(format, "NHWC", 4) == 0 || memcmp(format, "NCHW", 4) == 0);
  if (!known) {
    char escaped[1024];
    fake_c_escape(format, format_length, escaped, sizeof escaped);
    fake_status_printf(s, FAKE_INVALID_ARGUMENT,
                       "Value for attr 'data_format' of \"%s\" is not in the list of allowed values: \"NHWC\", \"NCHW\"%s",
                       escaped, op_def);
    return 0;
  }
  return 1;
}

/* void TFE_Execute(TFE_Op* op, TFE_TensorHandle** retvals, int* num_retvals, TF_Status* status);
   synchronous: validate the NodeDef, select and build the kernel, run it. On success sets
   *num_retvals to 1 and retvals[0] to a handle the caller owns. */
#ifndef OMIT_EAGER_EXECUTE
EXPORT void TFE_Execute(TFE_Op* op, TFE_TensorHandle** retvals, int* num_retvals, TF_Status* s) {
  fake_set_status(s, FAKE_OK, "");
  if (!LIVE(op, "TFE_Execute", "TFE_Op")) { fake_set_status(s, FAKE_INVALID_ARGUMENT, "invalid op"); return; }
  if (*num_retvals < 1) { /* execute.cc */
    fake_status_printf(s, FAKE_INVALID_ARGUMENT, "Expecting 1 outputs, but *num_retvals is %d", *num_retvals);
    return;
  }
  if (!op->input) { fake_misuse("TFE_Execute without an input"); fake_set_status(s, FAKE_INVALID_ARGUMENT, "missing input"); return; }

  FakeAttr* t = find_attr(op, "T");
  FakeAttr* format = find_attr(op, "data_format");
  FakeAttr* kernel_label = find_attr(op, "_kernel");
  const char* format_bytes = format ? format->bytes : "NHWC"; /* the OpDef's default */
  size_t format_length = format ? format->length : 4;
  const int dtype = t->type;
  if (!validate_attrs(dtype, format_bytes, format_length, s)) return;

  /* GetKernelLabelAttr: "_kernel", empty when absent or not a string. */
  const char* label = kernel_label && !kernel_label->is_type ? kernel_label->bytes : "";
  size_t label_length = kernel_label && !kernel_label->is_type ? kernel_label->length : 0;
  FakeSelection selection;
  if (!fake_select_kernel(dtype, label, label_length, &selection, s, format_bytes, format_length)) return;

  const TF_Tensor* input = op->input->tensor;
  FakeBuffer* output = NULL;
  int64_t channels = 0;
  if (selection.builtin) {
    fake_count_builtin_compute();
    output = fake_builtin_bias_grad(dtype, memcmp(format_bytes, "NCHW", 4) == 0, input, &channels, s);
    if (!output) return;
  } else if (!fake_run_plugin(selection.plugin, format_bytes, format_length, input, &output, &channels, s)) {
    return;
  }

  TF_Tensor* result = fake_tensor_new(dtype, &channels, 1, output); /* takes over the kernel's reference */
  retvals[0] = handle_new(result);
  *num_retvals = 1;
}
#endif

/* ------------------------------------------------------------------ test driver */

EXPORT const char* fake_last_device(void) { return last_device; }
EXPORT int fake_last_intra_op_threads(void) { return last_intra_op_threads; }
