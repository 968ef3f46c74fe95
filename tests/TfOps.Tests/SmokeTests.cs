namespace TfOps.Tests;

public class SmokeTests
{
    [Test]
    public void ColumnSumsOfASmallNhwcInput()
    {
        float[] x = [1, 2, 3, 4, 5, 6];
        var y = new float[2];
        BiasAddGrad.Compute<float>(x, [3, 2], DataFormat.NHWC, y);
        Assert.That(y, Is.EqualTo(new float[] { 9, 12 }));
    }
}
