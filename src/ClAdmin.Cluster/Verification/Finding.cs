namespace ClAdmin.Cluster.Verification;

/// <summary>How bad a finding is: errors block synchronization, warnings do not.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>One verification finding: its rule id (powerha-semantics.md), the node it concerns (null
/// for the whole cluster), the object (label, volume group, script, group...) and the message.</summary>
public sealed record Finding(Severity Severity, string RuleId, string? Node, string Object, string Message)
{
    public bool IsError => Severity == Severity.Error;
}
