namespace ClAdmin.Exec.FanOut;

/// <summary>Which nodes go first (C-SPOC semantics).</summary>
public enum FanOutOrder
{
    /// <summary>Every node at once, up to the fan-out width.</summary>
    AllAtOnce,
    /// <summary>The primary node alone first; the rest only after it succeeded.</summary>
    PrimaryFirst,
}

/// <summary>What happens to nodes not yet started when one fails.</summary>
public enum FailurePolicy
{
    /// <summary>Run on every node regardless.</summary>
    Continue,
    /// <summary>Start no further node after a failure; nodes already running finish.</summary>
    StopOnFirstFailure,
}

/// <summary>How a fan-out runs: width, command time limit, order and failure policy.</summary>
public sealed record FanOutOptions
{
    /// <summary>The default fan-out width, as pdsh and crmsh use.</summary>
    public const int DefaultWidth = 32;

    /// <summary>How many nodes run at once.</summary>
    public int Width { get; init; } = DefaultWidth;

    /// <summary>A time limit for each node's command (a command's own limit wins).</summary>
    public TimeSpan? CommandTimeout { get; init; }

    public FanOutOrder Order { get; init; } = FanOutOrder.AllAtOnce;

    /// <summary>For <see cref="FanOutOrder.PrimaryFirst"/>: the node that goes first (default: the first node).</summary>
    public string? PrimaryNode { get; init; }

    public FailurePolicy OnFailure { get; init; } = FailurePolicy.Continue;
}
