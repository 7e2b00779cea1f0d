namespace ClAdmin.Exec.Tests;

/// <summary>Process checks through /proc, for tests that must see a process gone.</summary>
internal static class Pids
{
    /// <summary>Whether <paramref name="pid"/> still runs: it exists and is not a zombie awaiting its parent.</summary>
    public static bool Running(string pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // no such process (any more)
        }
    }
}
