namespace ClAdmin;

/// <summary>cladmin's exit codes (ARCHITECTURE.md, Conventions).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command failed on at least one node.</summary>
    public const int Failed = 1;
    /// <summary>Usage or validation error; the message names the field, file or argument.</summary>
    public const int Usage = 2;
    /// <summary>Internal error.</summary>
    public const int Internal = 3;
}
