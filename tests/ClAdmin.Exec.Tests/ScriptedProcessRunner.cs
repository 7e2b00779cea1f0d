using System.Collections.Concurrent;
using ClAdmin.Exec.Processes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Tests;

/// <summary>
/// The scripted fake of the process runner (lazygit's FakeCmdObjRunner): told up front which
/// programs to expect and what each answers; calls may come in any order, as fan-out makes
/// them. An unexpected call fails the test; <see cref="CheckForMissingCalls"/> fails it when an
/// expected call never came.
/// </summary>
public sealed class ScriptedProcessRunner : IProcessRunner
{
    private readonly List<(Func<ProcessSpec, bool> Match, string Description, Func<ProcessSpec, CancellationToken, Task<ProcessOutput>> Answer, bool Repeat)> _expected = [];
    private readonly Lock _lock = new();
    private int _running;

    public ConcurrentQueue<ProcessSpec> Calls { get; } = new();

    /// <summary>The most calls that were running at the same time.</summary>
    public int MaxConcurrent { get; private set; }

    public ScriptedProcessRunner Expect(string file, IReadOnlyList<string> args, ProcessOutput output) =>
        Expect(file, args, (_, _) => Task.FromResult(output));

    public ScriptedProcessRunner Expect(string file, IReadOnlyList<string> args, Func<ProcessSpec, CancellationToken, Task<ProcessOutput>> answer, bool repeat = false)
    {
        _expected.Add((s => s.FileName == file && s.Arguments.SequenceEqual(args), ShellWords.Join([file, .. args]), answer, repeat));
        return this;
    }

    /// <summary>Any call to <paramref name="file"/>, any number of times.</summary>
    public ScriptedProcessRunner ExpectAny(string file, Func<ProcessSpec, CancellationToken, Task<ProcessOutput>> answer)
    {
        _expected.Add((s => s.FileName == file, file + " ...", answer, true));
        return this;
    }

    public async Task<ProcessOutput> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        Calls.Enqueue(spec);
        Func<ProcessSpec, CancellationToken, Task<ProcessOutput>> answer;
        lock (_lock)
        {
            var at = _expected.FindIndex(e => e.Match(spec));
            Assert.True(at >= 0, $"unexpected command: {spec}");
            answer = _expected[at].Answer;
            if (!_expected[at].Repeat)
            {
                _expected.RemoveAt(at);
            }
            _running++;
            MaxConcurrent = Math.Max(MaxConcurrent, _running);
        }
        try
        {
            return await answer(spec, cancellationToken);
        }
        finally
        {
            lock (_lock)
            {
                _running--;
            }
        }
    }

    public IInteractiveProcess Start(ProcessSpec spec) => throw new InvalidOperationException($"unexpected interactive start: {spec}");

    public void CheckForMissingCalls()
    {
        lock (_lock)
        {
            var missing = _expected.Where(e => !e.Repeat).Select(e => e.Description).ToList();
            Assert.True(missing.Count == 0, "expected commands never ran: " + string.Join("; ", missing));
        }
    }
}
