using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace TfOps.Cli;

/// <summary>
/// `tfops bench --png FILE`: throughput (GB/s) against input size (log scale) with ScottPlot 5,
/// one marker per shape and data format, TfOps in blue and the read reference in orange (circles
/// NHWC, squares NCHW), no lines: shapes are unrelated, so nothing joins their points.
/// </summary>
/// <remarks>
/// ScottPlot draws with SkiaSharp's Linux build that needs no fontconfig; it finds fonts by
/// scanning /usr/share/fonts, which a fresh Debian machine does not have: README's set-up installs
/// fonts-dejavu-core for this (DejaVu Sans is the first choice below), and the plot says so when
/// it finds no font at all rather than writing a picture without text.
/// </remarks>
internal static class BenchPlot
{
    public const int Width = 1000, Height = 620;

    /// <summary>Sans-serif families tried in order; the first one installed is used.</summary>
    private static readonly string[] s_preferredFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Color s_tfops = Color.FromHex("#1f77b4"), s_reference = Color.FromHex("#ff7f0e");

    /// <summary>
    /// True when SkiaSharp can see at least one font, else text would not render. (With no fonts it
    /// still lists one family: an unnamed empty one.)
    /// </summary>
    public static bool FontsAvailable => SKFontManager.Default.GetFontFamilies().Any(name => !string.IsNullOrEmpty(name));

    /// <summary>The font family the plot uses, or null when no preferred one is installed (ScottPlot's default then).</summary>
    public static string? ChooseFont()
    {
        var installed = SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return s_preferredFonts.FirstOrDefault(installed.Contains);
    }

    /// <summary>Writes the plot; throws <see cref="InvalidOperationException"/> when no font is installed.</summary>
    public static void Write(string path, IReadOnlyList<BenchResult> results, BenchSettings settings)
    {
        if (!FontsAvailable)
        {
            throw new InvalidOperationException(
                "no fonts found under /usr/share/fonts, so the plot would have no text; install one (Debian/Ubuntu: apt-get install -y fonts-dejavu-core)");
        }

        using var plot = Create(results, settings);
        plot.SavePng(path, Width, Height);
    }

    public static Plot Create(IReadOnlyList<BenchResult> results, BenchSettings settings)
    {
        var plot = new Plot();
        if (ChooseFont() is string font)
        {
            plot.Font.Set(font);
        }

        string dtype = TfDataTypes.PythonName(settings.DataType);
        plot.Title($"{dtype} BiasAddGrad: TfOps against reading the same bytes ({Environment.ProcessorCount} cores)");
        plot.XLabel("input size (log scale)");
        plot.YLabel("throughput (GB/s)");

        AddSeries(plot, results, DataFormat.NHWC, r => r.TfOpsGBps, "TfOps, NHWC", s_tfops, MarkerShape.FilledCircle);
        AddSeries(plot, results, DataFormat.NCHW, r => r.TfOpsGBps, "TfOps, NCHW", s_tfops, MarkerShape.FilledSquare);
        AddSeries(plot, results, DataFormat.NHWC, r => r.ReferenceGBps, "read reference (all cores), NHWC", s_reference, MarkerShape.OpenCircle);
        AddSeries(plot, results, DataFormat.NCHW, r => r.ReferenceGBps, "read reference (all cores), NCHW", s_reference, MarkerShape.OpenSquare);

        // Log-scale x: the data are log10(bytes); ticks at whole powers of ten, labelled as sizes.
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new LogMinorTickGenerator(),
            LabelFormatter = SizeLabel,
        };
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);

        double minX = results.Min(r => Math.Log10(r.Bytes)), maxX = results.Max(r => Math.Log10(r.Bytes));
        double maxY = results.Max(r => Math.Max(r.TfOpsGBps, r.ReferenceGBps));
        // Room on the right for the last points' labels.
        plot.Axes.SetLimits(Math.Floor(minX) - 0.1, maxX + 0.75, 0, maxY * 1.12);

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>10^k bytes as "1 kB", "10 MB", ...; other positions (never ticked) as their value.</summary>
    public static string SizeLabel(double log10Bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        int power = (int)Math.Round(log10Bytes);
        if (Math.Abs(log10Bytes - power) > 1e-9 || power < 0)
        {
            return string.Empty;
        }

        int unit = Math.Min(power / 3, units.Length - 1);
        double value = Math.Pow(10, power - (3 * unit));
        return $"{value.ToString("0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    private static void AddSeries(Plot plot, IReadOnlyList<BenchResult> results, DataFormat format, Func<BenchResult, double> gbps, string label, Color color, MarkerShape shape)
    {
        var points = results.Where(r => r.Case.Format == format).ToList();
        if (points.Count == 0)
        {
            return;
        }

        double[] xs = [.. points.Select(r => Math.Log10(r.Bytes))];
        double[] ys = [.. points.Select(gbps)];
        var markers = plot.Add.ScatterPoints(xs, ys, color);
        markers.MarkerShape = shape;
        markers.MarkerSize = 11;
        markers.MarkerLineWidth = 2;
        markers.LegendText = label;
        if (color == s_tfops)
        {
            // Which shape is which: its dimensions beside the TfOps marker (the format is the marker's shape).
            for (int i = 0; i < points.Count; i++)
            {
                var text = plot.Add.Text($"[{string.Join(",", points[i].Case.Shape)}]", xs[i], ys[i]);
                text.LabelFontSize = 10;
                text.LabelFontColor = Colors.Black.WithOpacity(0.6);
                text.LabelAlignment = Alignment.MiddleLeft;
                text.LabelOffsetX = 9;
            }
        }
    }
}
