/*
 * tf_status.h, tf_tensor.h and TF_Version: statuses, tensors, the buffers they share, and the
 * counters and misuse log the tests read.
 */
#include "fake_tensorflow.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_MAGIC 0x4C495645u /* "LIVE" */
#define DEAD_MAGIC 0x44454144u /* "DEAD": a deleted object, kept so that a second use is seen */

static long live_counts[LIVE_KINDS];
static long plugin_computes, builtin_computes, misuse_count;
static char last_misuse[512];
static pthread_mutex_t misuse_lock = PTHREAD_MUTEX_INITIALIZER;

void fake_count(int kind, long delta) { __atomic_add_fetch(&live_counts[kind], delta, __ATOMIC_SEQ_CST); }
void fake_count_plugin_compute(void) { __atomic_add_fetch(&plugin_computes, 1, __ATOMIC_SEQ_CST); }
void fake_count_builtin_compute(void) { __atomic_add_fetch(&builtin_computes, 1, __ATOMIC_SEQ_CST); }

void fake_misuse(const char* what) {
  __atomic_add_fetch(&misuse_count, 1, __ATOMIC_SEQ_CST);
  pthread_mutex_lock(&misuse_lock);
  snprintf(last_misuse, sizeof last_misuse, "%s", what);
  pthread_mutex_unlock(&misuse_lock);
}

/* ------------------------------------------------------------------ tf_status.h */

void fake_set_status(TF_Status* s, int code, const char* message) {
  s->code = code;
  snprintf(s->message, sizeof s->message, "%s", code == FAKE_OK || !message ? "" : message);
}

void fake_status_printf(TF_Status* s, int code, const char* format, ...) {
  va_list args;
  va_start(args, format);
  s->code = code;
  vsnprintf(s->message, sizeof s->message, format, args);
  va_end(args);
}

static int live_status(const TF_Status* s, const char* call) {
  if (s && s->magic == LIVE_MAGIC) return 1;
  char what[128];
  snprintf(what, sizeof what, "%s on a %s TF_Status", call, s ? "deleted" : "NULL");
  fake_misuse(what);
  return 0;
}

/* TF_Status* TF_NewStatus(void); the caller deletes it with TF_DeleteStatus. */
EXPORT TF_Status* TF_NewStatus(void) {
  TF_Status* s = calloc(1, sizeof(TF_Status));
  s->magic = LIVE_MAGIC;
  fake_count(LIVE_STATUS, 1);
  return s;
}

/* void TF_DeleteStatus(TF_Status*); null-safe (tf_status.cc: delete s). */
EXPORT void TF_DeleteStatus(TF_Status* s) {
  if (!s) return;
  if (!live_status(s, "TF_DeleteStatus")) return;
  s->magic = DEAD_MAGIC;
  fake_count(LIVE_STATUS, -1);
}

/* void TF_SetStatus(TF_Status* s, TF_Code code, const char* msg); copies msg. */
EXPORT void TF_SetStatus(TF_Status* s, int code, const char* msg) {
  if (live_status(s, "TF_SetStatus")) fake_set_status(s, code, msg);
}

EXPORT int TF_GetCode(const TF_Status* s) { return live_status(s, "TF_GetCode") ? s->code : FAKE_INTERNAL; }

/* "Always returns an empty string if TF_GetCode(s) is TF_OK"; valid until the next change to s. */
EXPORT const char* TF_Message(const TF_Status* s) { return live_status(s, "TF_Message") ? s->message : ""; }

/* ------------------------------------------------------------------ buffers and tensors */

size_t fake_element_size(int dtype) {
  switch (dtype) {
    case FAKE_UINT8: case FAKE_INT8: case FAKE_BOOL: case FAKE_QINT8: case FAKE_QUINT8: return 1;
    case FAKE_INT16: case FAKE_BFLOAT16: case FAKE_QINT16: case FAKE_QUINT16: case FAKE_UINT16: case FAKE_HALF: return 2;
    case FAKE_FLOAT: case FAKE_INT32: case FAKE_QINT32: case FAKE_UINT32: return 4;
    case FAKE_DOUBLE: case FAKE_COMPLEX64: case FAKE_INT64: case FAKE_UINT64: return 8;
    case FAKE_COMPLEX128: return 16;
    default: return 0;
  }
}

int64_t fake_element_count(const int64_t* dims, int num_dims) {
  int64_t n = 1;
  for (int i = 0; i < num_dims; i++) n *= dims[i];
  return n;
}

FakeBuffer* fake_buffer_new(size_t bytes) {
  FakeBuffer* b = calloc(1, sizeof(FakeBuffer));
  b->magic = LIVE_MAGIC;
  b->refs = 1;
  b->bytes = bytes;
  b->owns_data = 1;
  /* TensorFlow's CPU allocator aligns to EIGEN_MAX_ALIGN_BYTES (64 with AVX-512 builds). An empty
     allocation may come back NULL, so callers must not dereference TF_TensorData of an empty tensor. */
  if (bytes > 0 && posix_memalign(&b->data, 64, bytes) != 0) b->data = NULL;
  fake_count(LIVE_BUFFER, 1);
  return b;
}

FakeBuffer* fake_buffer_wrap(void* data, size_t bytes) {
  FakeBuffer* b = fake_buffer_new(0);
  b->data = data;
  b->bytes = bytes;
  b->owns_data = 0;
  return b;
}

FakeBuffer* fake_buffer_ref(FakeBuffer* b) {
  __atomic_add_fetch(&b->refs, 1, __ATOMIC_SEQ_CST);
  return b;
}

void fake_buffer_unref(FakeBuffer* b) {
  if (!b) return;
  if (b->magic != LIVE_MAGIC) { fake_misuse("a tensor buffer released after its last reference"); return; }
  if (__atomic_sub_fetch(&b->refs, 1, __ATOMIC_SEQ_CST) == 0) {
    if (b->owns_data) free(b->data);
    b->data = NULL;
    b->magic = DEAD_MAGIC;
    fake_count(LIVE_BUFFER, -1);
  }
}

/* A wrapper taking over one reference to `buffer`. */
TF_Tensor* fake_tensor_new(int dtype, const int64_t* dims, int num_dims, FakeBuffer* buffer) {
  TF_Tensor* t = calloc(1, sizeof(TF_Tensor));
  t->magic = LIVE_MAGIC;
  t->dtype = dtype;
  t->num_dims = num_dims;
  t->dims = calloc(num_dims > 0 ? (size_t)num_dims : 1, sizeof(int64_t));
  for (int i = 0; i < num_dims; i++) t->dims[i] = dims[i];
  t->buffer = buffer;
  fake_count(LIVE_TENSOR, 1);
  return t;
}

static int live_tensor(const TF_Tensor* t, const char* call) {
  if (t && t->magic == LIVE_MAGIC) return 1;
  char what[128];
  snprintf(what, sizeof what, "%s on a %s TF_Tensor", call, t ? "deleted" : "NULL");
  fake_misuse(what);
  return 0;
}

/* TF_Tensor* TF_AllocateTensor(TF_DataType, const int64_t* dims, int num_dims, size_t len);
   tf_tensor.cc CreateTensor: NULL when len is smaller than the elements need. The caller owns the
   result and fills TF_TensorData with TF_TensorByteSize bytes. */
EXPORT TF_Tensor* TF_AllocateTensor(int dtype, const int64_t* dims, int num_dims, size_t len) {
  size_t size = fake_element_size(dtype);
  if (num_dims < 0) return NULL;
  int64_t count = fake_element_count(dims, num_dims);
  if (count < 0 || (size > 0 && len < size * (size_t)count)) return NULL;
  return fake_tensor_new(dtype, dims, num_dims, fake_buffer_new(len));
}

/* void TF_DeleteTensor(TF_Tensor*); null-safe; frees the wrapper, the buffer lives while others hold it. */
EXPORT void TF_DeleteTensor(TF_Tensor* t) {
  if (!t) return;
  if (!live_tensor(t, "TF_DeleteTensor")) return;
  t->magic = DEAD_MAGIC;
  fake_buffer_unref(t->buffer);
  t->buffer = NULL;
  fake_count(LIVE_TENSOR, -1);
}

EXPORT void* TF_TensorData(const TF_Tensor* t) { return live_tensor(t, "TF_TensorData") ? t->buffer->data : NULL; }
EXPORT size_t TF_TensorByteSize(const TF_Tensor* t) { return live_tensor(t, "TF_TensorByteSize") ? t->buffer->bytes : 0; }
EXPORT int TF_NumDims(const TF_Tensor* t) { return live_tensor(t, "TF_NumDims") ? t->num_dims : 0; }
EXPORT int TF_TensorType(const TF_Tensor* t) { return live_tensor(t, "TF_TensorType") ? t->dtype : 0; }

EXPORT int64_t TF_Dim(const TF_Tensor* t, int dim_index) {
  if (!live_tensor(t, "TF_Dim")) return 0;
  if (dim_index < 0 || dim_index >= t->num_dims) { fake_misuse("TF_Dim with an index outside the tensor's rank"); return 0; }
  return t->dims[dim_index];
}

EXPORT int64_t TF_TensorElementCount(const TF_Tensor* t) {
  return live_tensor(t, "TF_TensorElementCount") ? fake_element_count(t->dims, t->num_dims) : 0;
}

/* ------------------------------------------------------------------ c_api.h */

/* const char* TF_Version(void); the fake says what it is, in TensorFlow's version format. */
EXPORT const char* TF_Version(void) { return "2.16.1-tfops-fake"; }

/* ------------------------------------------------------------------ test driver */

static const char* const live_names[LIVE_KINDS] = {
  "statuses", "tensors", "buffers", "builders", "context_options", "contexts", "ops", "handles"
};

/* Live objects of one kind ("statuses", "tensors", "buffers", "builders", "context_options",
   "contexts", "ops", "handles"), or the calls "plugin_computes", "builtin_computes", "misuse". */
EXPORT long fake_count_of(const char* kind) {
  for (int i = 0; i < LIVE_KINDS; i++)
    if (strcmp(kind, live_names[i]) == 0) return __atomic_load_n(&live_counts[i], __ATOMIC_SEQ_CST);
  if (strcmp(kind, "plugin_computes") == 0) return __atomic_load_n(&plugin_computes, __ATOMIC_SEQ_CST);
  if (strcmp(kind, "builtin_computes") == 0) return __atomic_load_n(&builtin_computes, __ATOMIC_SEQ_CST);
  if (strcmp(kind, "misuse") == 0) return __atomic_load_n(&misuse_count, __ATOMIC_SEQ_CST);
  return -1;
}

/* Statuses, tensor wrappers and unregistered builders not yet released (the kernel-API tests' view). */
EXPORT long fake_live_objects(void) {
  return fake_count_of("statuses") + fake_count_of("tensors") + fake_count_of("builders");
}

EXPORT const char* fake_last_misuse(void) { return last_misuse; }

/* At process exit, appends every counter to the file named by TFOPS_FAKE_TF_REPORT, so a test that
   ran the library in a child process (the tfops CLI) can see what was left alive and what ran. */
__attribute__((destructor)) static void write_report(void) {
  const char* path = getenv("TFOPS_FAKE_TF_REPORT");
  if (!path || !*path) return;
  FILE* f = fopen(path, "a");
  if (!f) return;
  for (int i = 0; i < LIVE_KINDS; i++) fprintf(f, "%s=%ld\n", live_names[i], fake_count_of(live_names[i]));
  fprintf(f, "plugin_computes=%ld\nbuiltin_computes=%ld\nmisuse=%ld\n",
          fake_count_of("plugin_computes"), fake_count_of("builtin_computes"), fake_count_of("misuse"));
  if (fake_count_of("misuse") > 0) fprintf(f, "last_misuse=%s\n", last_misuse);
  fclose(f);
}
