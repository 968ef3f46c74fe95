using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchPlotTests
{
    private static readonly BenchSettings s_settings = new(TfDataType.BFloat16, BenchShapeSet.All, Reps: 3, MaxThreads: null);

    // Every shape, with made-up times: TfOps 2 ms per 100 MB-ish, the read reference a little slower.
    private static List<BenchResult> Results() =>
    [
        .. BenchCase.All.Select((c, i) => new BenchResult(
            c, TfDataType.BFloat16, BenchTimes.From([c.Elements / 2e7 * (1 + (0.05 * i))], 1), BenchTimes.From([c.Elements / 1.6e7], 1), 2)),
    ];

    [Test]
    public void WritesAPngWithTextAndBothSeries()
    {
        Assert.That(BenchPlot.FontsAvailable, "no fonts installed: README's set-up installs fonts-dejavu-core");
        string path = Path.Combine(Directory.CreateTempSubdirectory("tfops-bench-png-").FullName, "p.png");
        BenchPlot.Write(path, Results(), s_settings);

        using var bitmap = SKBitmap.Decode(path);
        Assert.That(bitmap, Is.Not.Null, "not a decodable image");
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((BenchPlot.Width, BenchPlot.Height)));
        Assert.That(CountNear(bitmap, 0x1f, 0x77, 0xb4, 0, bitmap.Height), Is.GreaterThan(300), "TfOps markers (blue)");
        Assert.That(CountNear(bitmap, 0xff, 0x7f, 0x0e, 0, bitmap.Height), Is.GreaterThan(300), "read reference markers (orange)");
        // The title band at the top holds nothing but the title's text: dark pixels there mean text was drawn.
        Assert.That(CountDark(bitmap, 0, 30), Is.GreaterThan(300), "title text");
    }

    [Test]
    public void TitleAxesLegendAndNoLines()
    {
        using var plot = BenchPlot.Create(Results(), s_settings);
        Assert.That(plot.Axes.Title.Label.Text, Does.Contain("bfloat16").And.Contain("BiasAddGrad"));
        Assert.That(plot.Axes.Bottom.Label.Text, Does.Contain("size").And.Contain("log"));
        Assert.That(plot.Axes.Left.Label.Text, Does.Contain("GB/s"));
        var legend = plot.Legend.GetItems().Select(i => i.LabelText).ToList();
        Assert.That(legend, Has.Some.StartsWith("TfOps"));
        Assert.That(legend, Has.Some.StartsWith("read reference"));
        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.That(scatters.Sum(s => s.Data.GetScatterPoints().Count), Is.EqualTo(2 * BenchCase.All.Length), "one point per shape and candidate");
        Assert.That(scatters, Has.All.Matches<Scatter>(s => s.LineWidth == 0), "unrelated shapes must not be joined by lines");
    }

    [TestCase(3.0, "1 kB")]
    [TestCase(4.0, "10 kB")]
    [TestCase(6.0, "1 MB")]
    [TestCase(8.0, "100 MB")]
    [TestCase(9.0, "1 GB")]
    [TestCase(0.0, "1 B")]
    [TestCase(6.5, "")]
    public void SizeTicks(double log10Bytes, string label) => Assert.That(BenchPlot.SizeLabel(log10Bytes), Is.EqualTo(label));

    private static int CountNear(SKBitmap bitmap, byte r, byte g, byte b, int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - r) < 30 && Math.Abs(c.Green - g) < 30 && Math.Abs(c.Blue - b) < 30)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int CountDark(SKBitmap bitmap, int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 300)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
