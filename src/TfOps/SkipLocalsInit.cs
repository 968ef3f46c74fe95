// The kernels clear exactly the scratch they use; zeroing every stackalloc up front would be paid
// on each small call.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
