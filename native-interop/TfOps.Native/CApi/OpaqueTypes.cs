namespace TfOps.Native.CApi;

// TensorFlow's C types that are only ever seen behind a pointer. Distinct empty structs make a
// TF_Tensor* impossible to pass where a TF_Status* is expected, which void* would allow.

/// <summary>C type <c>TF_Status</c> (tf_status.h).</summary>
internal readonly struct TfStatus;

/// <summary>C type <c>TF_Tensor</c> (tf_tensor.h).</summary>
internal readonly struct TfTensor;

/// <summary>C type <c>TF_KernelBuilder</c> (kernels.h).</summary>
internal readonly struct TfKernelBuilder;

/// <summary>C type <c>TF_OpKernelConstruction</c> (kernels.h).</summary>
internal readonly struct TfOpKernelConstruction;

/// <summary>C type <c>TF_OpKernelContext</c> (kernels.h).</summary>
internal readonly struct TfOpKernelContext;

/// <summary>C type <c>TFE_ContextOptions</c> (eager/c_api.h).</summary>
internal readonly struct TfeContextOptions;

/// <summary>C type <c>TFE_Context</c> (eager/c_api.h).</summary>
internal readonly struct TfeContext;

/// <summary>C type <c>TFE_Op</c> (eager/c_api.h).</summary>
internal readonly struct TfeOp;

/// <summary>C type <c>TFE_TensorHandle</c> (eager/c_api.h).</summary>
internal readonly struct TfeTensorHandle;
