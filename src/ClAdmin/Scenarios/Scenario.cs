namespace ClAdmin.Scenarios;

/// <summary>A scenario file: the world to build, a timeline of steps and what to expect after them (scenario.schema.json).</summary>
public sealed record Scenario(string File, string Name, string Description, IReadOnlyList<string> Covers, ScenarioWorld World, IReadOnlyList<ScenarioStep> Steps);

/// <summary>The world, as `cladmin sim init --nodes N --disks K --seed S [--demo] [--hacmp RELEASE]` builds it, then the command lines that configure it.</summary>
public sealed record ScenarioWorld(int Nodes, int Disks, int Seed, bool Demo, IReadOnlyList<string> Commands, string? Hacmp = null);

/// <summary>
/// One step (numbered from 1): a command line through the dispatcher (<see cref="Cmd"/>, on
/// <see cref="Nodes"/> when given), a `cladmin sim` verb (<see cref="Sim"/>), or neither (a check
/// of the state); then its expectations.
/// </summary>
public sealed record ScenarioStep(int Number, string? Cmd, string? Nodes, string? Sim, ScenarioExpect? Expect)
{
    /// <summary>With <see cref="Cmd"/>: the local node it runs from (`cladmin --node NAME`), or null for the default.</summary>
    public string? From { get; init; }

    /// <summary>How reports name the step's action.</summary>
    public string Action => Cmd is not null ? Cmd + (Nodes is null ? "" : $" (on {Nodes})") + (From is null ? "" : $" (from {From})") : Sim is not null ? "sim " + Sim : "check";
}

/// <summary>
/// What must hold after a step: its exit code (0 when not given, for a step that runs something),
/// texts in its output, rows of clRGinfo -s, cluster manager states, and hacmp.out's EVENT lines per
/// node (in order), or their absence.
/// </summary>
public sealed record ScenarioExpect(
    int? ExitCode,
    IReadOnlyList<string> Output,
    IReadOnlyList<string> OutputLacks,
    IReadOnlyList<string> Groups,
    IReadOnlyList<KeyValuePair<string, string>> Managers,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Events,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> NoEvents);
