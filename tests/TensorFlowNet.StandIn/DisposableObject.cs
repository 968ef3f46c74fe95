// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>
/// Base of objects that own native memory (TensorFlow.NET: DisposableObject.cs). Dispose frees the
/// handle once; the stand-in has no finalizer because its "native" memory is a managed array.
/// </summary>
public abstract class DisposableObject : IDisposable
{
    protected IntPtr _handle;
    protected bool _disposed;

    protected DisposableObject()
    {
    }

    protected DisposableObject(IntPtr handle) => _handle = handle;

    public void Dispose()
    {
        if (!_disposed)
        {
            DisposeManagedResources();
            if (_handle != IntPtr.Zero)
            {
                DisposeUnmanagedResources(_handle);
                _handle = IntPtr.Zero;
            }

            _disposed = true;
        }

        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeManagedResources()
    {
    }

    protected abstract void DisposeUnmanagedResources(IntPtr handle);
}
