namespace TfOps.Kernels;

/// <summary>What every work item of one call needs: raw pointers (the caller keeps them pinned until all items are done).</summary>
internal readonly unsafe struct ReductionContext<TStore, TAcc>
    where TStore : unmanaged
    where TAcc : unmanaged
{
    public ReductionContext(TStore* input, TAcc* partials, in ReductionPlan plan)
    {
        Input = input;
        Partials = partials;
        Plan = plan;
    }

    /// <summary>The input, in lanes (complex already split into two).</summary>
    public TStore* Input { get; }

    /// <summary>Block or item partial sums, <see cref="ReductionPlan.ScratchLanes"/> lanes.</summary>
    public TAcc* Partials { get; }

    public ReductionPlan Plan { get; }
}
