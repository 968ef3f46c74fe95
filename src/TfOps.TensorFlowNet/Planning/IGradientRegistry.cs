namespace TfOps.TensorFlowNet.Planning;

/// <summary>A name → gradient-function table (TensorFlow.NET's <c>ops.gradientFunctions</c> in production).</summary>
/// <typeparam name="TFunc">The gradient function type; a null value is a registered "no gradient".</typeparam>
internal interface IGradientRegistry<TFunc>
    where TFunc : class
{
    /// <summary>Loads the built-in entries, so what is read afterwards is what a lookup would see.</summary>
    void EnsureLoaded();

    /// <summary>True when an entry exists (its function may be null).</summary>
    bool TryGet(string name, out TFunc? function);

    /// <summary>Adds or replaces an entry.</summary>
    void Set(string name, TFunc? function);

    /// <summary>Removes an entry, so the name is unknown again.</summary>
    void Remove(string name);
}
