namespace TfOps.Parity;

/// <summary>The outcome of one golden case.</summary>
/// <param name="Id">The case's id (or <c>cases[i]</c> when it has none).</param>
/// <param name="Dtype">The manifest's dtype ("?" when unreadable).</param>
/// <param name="DataFormat">The manifest's data_format ("?" when unreadable).</param>
/// <param name="Shape">The shape as text, e.g. <c>2x3x4x2</c>.</param>
/// <param name="Passed">True when TfOps matched the expectation.</param>
/// <param name="Reason">Why it failed, or null.</param>
/// <param name="MaxAbsError">Largest |actual - expected| (0 for matched error cases; null when nothing was compared).</param>
/// <param name="WorstRatio">Largest error / allowed error (&lt;= 1 passes; null when nothing was compared).</param>
/// <param name="Expectation">"value", "error" or "?" (what the case expects).</param>
/// <param name="Note">The manifest's note.</param>
public sealed record CaseResult(
    string Id, string Dtype, string DataFormat, string Shape, bool Passed, string? Reason,
    double? MaxAbsError, double? WorstRatio, string Expectation, string? Note)
{
    /// <summary>
    /// In a run against TensorFlow with <c>--plugin</c>: how TfOps's plugin inside TensorFlow fared
    /// (<see cref="Passed"/> then also requires it); null otherwise.
    /// </summary>
    public PluginResult? Plugin { get; init; }
}
