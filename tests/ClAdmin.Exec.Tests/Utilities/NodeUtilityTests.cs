using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Utilities;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Tests.Utilities;

/// <summary>On real hosts the state utilities run on the cluster node with PowerHA's own command; nothing is answered from an invented state.</summary>
public sealed class NodeUtilityTests : IDisposable
{
    private readonly UtilityFixture _cluster = new UtilityFixture().Configure();

    public void Dispose() => _cluster.Dispose();

    /// <summary>Records what it is asked to run and answers like a node.</summary>
    private sealed class RecordingTransport : ITransport
    {
        public List<NodeCommand> Commands { get; } = [];

        public string Name => "recording";

        public Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            Commands.Add(command);
            return Task.FromResult(new NodeResult(command.Node, NodeOutcome.Ok, 0, "from the node\n", "", TimeSpan.Zero));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private (CommandResult Result, RecordingTransport Transport) Run(string line)
    {
        var transport = new RecordingTransport();
        var words = ShellWords.Split(line);
        var handler = UtilityHandlers.CreateForNodes(_cluster.Open, new FanOutEngine(transport)).Single(h => h.Names.Contains(words[0]));
        var r = handler.RunAsync(new CommandInvocation(line, words[0], words.Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
        return (r, transport);
    }

    [Theory]
    [InlineData("clRGinfo -s")]
    [InlineData("clfindres")]
    [InlineData("clstat -o")]
    [InlineData("cldump")]
    [InlineData("cldisp")]
    [InlineData("clshowsrv -v")]
    [InlineData("cltopinfo -m")]
    public void A_state_utility_runs_on_the_local_node_with_its_powerha_path(string line)
    {
        var (r, transport) = Run(line);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("from the node\n", r.Stdout);
        var command = Assert.Single(transport.Commands);
        Assert.Equal("n1", command.Node);
        var words = line.Split(' ');
        Assert.Equal(["/usr/es/sbin/cluster/utilities/" + words[0], .. words.Skip(1)], command.Argv);
    }

    [Fact]
    public void Cltopinfo_without_m_lists_the_configuration_here()
    {
        var (r, transport) = Run("cltopinfo");
        Assert.Empty(transport.Commands);
        Assert.Equal(UtilityFixture.Golden("cltopinfo.txt"), r.Stdout);
    }
}
