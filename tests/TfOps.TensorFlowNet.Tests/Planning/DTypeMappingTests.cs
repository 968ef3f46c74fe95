using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class DTypeMappingTests
{
    [Test]
    public void EveryBaseDtypeMapsToTheKernelDtypeOfTheSameNumber()
    {
        foreach (var dtype in Enum.GetValues<TfDataType>())
        {
            Assert.That(DTypeMapping.ToKernel((int)dtype), Is.EqualTo(dtype), dtype.ToString());
        }
    }

    [Test]
    public void EveryReferenceDtypeMapsToItsBase()
    {
        Assert.Multiple(() =>
        {
            for (int n = 1; n <= 23; n++)
            {
                Assert.That(DTypeMapping.IsReference(n + 100), Is.True, $"{n + 100}");
                Assert.That(DTypeMapping.ToKernel(n + 100), Is.EqualTo((TfDataType)n), $"{n + 100}");
                Assert.That(DTypeMapping.ToBase(n + 100), Is.EqualTo(n));
            }
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(23)]
    [TestCase(100)]
    [TestCase(124)]
    public void NumbersOutsideTheReferenceRangeAreLeftAlone(int number)
    {
        Assert.Multiple(() =>
        {
            Assert.That(DTypeMapping.IsReference(number), Is.False);
            Assert.That(DTypeMapping.ToBase(number), Is.EqualTo(number));
        });
    }
}
