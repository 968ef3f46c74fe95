using System.Text.RegularExpressions;

namespace TfOps.Parity;

/// <summary>
/// Selects cases by id: a pattern with <c>*</c> (any run of characters) matches whole ids, e.g.
/// <c>bfloat16/*</c> or <c>*/NCHW/*</c>; a pattern without <c>*</c> matches ids that contain it.
/// Case-insensitive; a null or empty filter selects everything.
/// </summary>
public static class CaseFilter
{
    /// <summary>True when <paramref name="id"/> is selected by <paramref name="filter"/>.</summary>
    public static bool Matches(string id, string? filter)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (string.IsNullOrEmpty(filter))
        {
            return true;
        }

        if (!filter.Contains('*', StringComparison.Ordinal))
        {
            return id.Contains(filter, StringComparison.OrdinalIgnoreCase);
        }

        string pattern = "^" + string.Join(".*", filter.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(id, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
