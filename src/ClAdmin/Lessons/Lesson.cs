using ClAdmin.Scenarios;

namespace ClAdmin.Lessons;

/// <summary>
/// A lesson file (lesson.schema.json): a scenario's world, explanatory text, the event mode, setup
/// steps run at start, and the tasks the trainee performs, each with its check.
/// </summary>
public sealed record Lesson(
    string File,
    string Name,
    string Title,
    string Summary,
    IReadOnlyList<string> Text,
    ScenarioWorld World,
    string Mode,
    IReadOnlyList<ScenarioStep> Setup,
    IReadOnlyList<LessonTask> Tasks);

/// <summary>One task (numbered from 1): the instruction, a command that does it, and its check.</summary>
public sealed record LessonTask(int Number, string Do, string? Command, LessonCheck Check);

/// <summary>
/// What must hold for a task to be done, read from the current state only: the scenario
/// expectation kinds (groups, managers, events, noEvents in <see cref="State"/>), read-only
/// commands and what their output holds, and whether the DCD equals the ACD.
/// </summary>
public sealed record LessonCheck(ScenarioExpect State, IReadOnlyList<LessonProbe> Commands, bool? Synchronized);

/// <summary>A read-only command line (on <see cref="Nodes"/> when given) and what its output must and must not contain.</summary>
public sealed record LessonProbe(string Cmd, string? Nodes, int? ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> OutputLacks);
