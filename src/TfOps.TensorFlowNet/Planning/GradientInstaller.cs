namespace TfOps.TensorFlowNet.Planning;

/// <summary>
/// Installs a set of gradient functions into a registry and puts back exactly what was there before
/// (including "no entry"). Idempotent: a second Install while installed changes nothing, so the saved
/// entries are never our own functions. Not reference-counted: one Uninstall undoes any number of Installs.
/// Not thread-safe on its own: its owner (<see cref="TfOpsGradients"/>) serializes every call under the
/// one lock that also guards the installed options.
/// </summary>
internal sealed class GradientInstaller<TFunc>
    where TFunc : class
{
    private readonly IGradientRegistry<TFunc> _registry;
    private readonly IReadOnlyDictionary<string, TFunc> _functions;
    private Dictionary<string, PreviousEntry>? _saved;

    public GradientInstaller(IGradientRegistry<TFunc> registry, IReadOnlyDictionary<string, TFunc> functions)
    {
        _registry = registry;
        _functions = functions;
    }

    public bool IsInstalled => _saved is not null;

    /// <summary>Registers the functions; false (and no registry call) when already installed.</summary>
    public bool Install()
    {
        if (_saved is not null)
        {
            return false;
        }

        // The registry is null until loaded; reading before loading would record "no entry"
        // for BiasAdd and later delete the built-in on Uninstall.
        _registry.EnsureLoaded();
        var saved = new Dictionary<string, PreviousEntry>();
        try
        {
            foreach (var (name, function) in _functions)
            {
                saved[name] = _registry.TryGet(name, out var previous) ? new PreviousEntry(true, previous) : default;
                _registry.Set(name, function);
            }
        }
        catch
        {
            Restore(saved);
            throw;
        }

        _saved = saved;
        return true;
    }

    /// <summary>Puts the saved entries back; false (and no registry call) when not installed.</summary>
    public bool Uninstall()
    {
        if (_saved is null)
        {
            return false;
        }

        _registry.EnsureLoaded();
        Restore(_saved);
        _saved = null;
        return true;
    }

    private void Restore(Dictionary<string, PreviousEntry> saved)
    {
        foreach (var (name, previous) in saved)
        {
            // Someone registered over us after Install: theirs is the newer intent, keep it.
            if (!_registry.TryGet(name, out var current) || !ReferenceEquals(current, _functions[name]))
            {
                continue;
            }

            if (previous.Existed)
            {
                _registry.Set(name, previous.Function);
            }
            else
            {
                _registry.Remove(name);
            }
        }
    }

    private readonly record struct PreviousEntry(bool Existed, TFunc? Function);
}
