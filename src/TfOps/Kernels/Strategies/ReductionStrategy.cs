namespace TfOps.Kernels.Strategies;

/// <summary>The ways a reduction is carried out; <see cref="ReductionStrategies.Choose"/> picks one from the shape.</summary>
internal enum ReductionStrategy
{
    /// <summary>No input elements: every channel is zero (<see cref="EmptyStrategy"/>).</summary>
    Empty,

    /// <summary>One row: the output is the input (<see cref="SingleRowStrategy"/>).</summary>
    SingleRow,

    /// <summary>Column sums of a [rows, width] matrix, then folds into channels (<see cref="ColumnPlan"/>).</summary>
    Columns,

    /// <summary>Per-channel sums of long contiguous planes: NCHW with a long inner extent (<see cref="PlanePlan"/>).</summary>
    Planes,
}

/// <summary>The one place that maps a shape to a strategy.</summary>
internal static class ReductionStrategies
{
    /// <summary>Picks the strategy for <c>[outer, channels, inner]</c> elements of <paramref name="components"/> lanes each.</summary>
    public static ReductionStrategy Choose(int outer, int channels, int inner, int components)
    {
        if ((long)outer * channels * inner * components == 0)
        {
            return ReductionStrategy.Empty;
        }

        if (SingleRowStrategy.Applies(outer, inner))
        {
            return ReductionStrategy.SingleRow;
        }

        return PlanePlan.Applies(inner, components) ? ReductionStrategy.Planes : ReductionStrategy.Columns;
    }
}
