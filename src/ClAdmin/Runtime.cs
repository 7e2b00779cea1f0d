using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Cspoc;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Ssh;
using ClAdmin.Exec.Transport;
using ClAdmin.Exec.Utilities;
using ClAdmin.Sim.Persistence;
using ClAdmin.Sim;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>How commands reach nodes, and where the repository is.</summary>
public sealed record RuntimeOptions
{
    public required string DatabasePath { get; init; }
    /// <summary>sim (the default: simulated nodes in the database), ssh, or local.</summary>
    public string Transport { get; init; } = "sim";
    public string? SshConfig { get; init; }
    /// <summary>The node commands run "locally" on (--node); default the first cluster node.</summary>
    public string? Node { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The composition root of everything that runs command lines: the object repository, the
/// transport (simulated nodes, SSH, or this machine), the fan-out engine with its cspoc.log, and
/// the dispatcher with every command implementation. Dialogs, `cladmin run`, `cladmin cmd` and
/// script replay all go through <see cref="Dispatcher"/>.
/// </summary>
public sealed class Runtime : IAsyncDisposable
{
    private readonly Lazy<string> _localNode;

    private Runtime(RuntimeOptions options, ITransport transport, Dispatcher dispatcher, Lazy<string> localNode)
    {
        Options = options;
        Transport = transport;
        Dispatcher = dispatcher;
        _localNode = localNode;
    }

    public RuntimeOptions Options { get; }
    public ITransport Transport { get; }
    public Dispatcher Dispatcher { get; }
    /// <summary>The node commands run on when none is named (found when first asked).</summary>
    public string LocalNode => _localNode.Value;

    /// <summary>Opens a new connection to the repository (the caller disposes it).</summary>
    public ObjectRepository OpenRepository() => ObjectRepository.Open(Options.DatabasePath);

    /// <summary>
    /// Builds the runtime. With the sim transport and no simulated world yet, the demo cluster is
    /// created first and <paramref name="notice"/> says so in one line.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be used (not ClAdmin's, newer, busy).</exception>
    public static async Task<Runtime> CreateAsync(RuntimeOptions options, TextWriter notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notice);
        Func<ObjectRepository> open = () => ObjectRepository.Open(options.DatabasePath);
        var nodes = new StoreNodes(open);
        Task<StoredWorld>? existing = null;
        if (options.Transport == "sim")
        {
            existing = await EnsureSimulatedClusterAsync(options, open, notice, cancellationToken).ConfigureAwait(false);
        }
        ITransport transport = options.Transport switch
        {
            "ssh" => new SshTransport(SystemProcessRunner.Instance, new SshOptions
            {
                ConfigFile = options.SshConfig,
                ConnectTimeout = options.ConnectTimeout,
                Addresses = nodes,
                StopGrace = TimeSpan.FromSeconds(3), // more than the session watcher's 2 s from TERM to KILL
            }),
            "local" => new LocalTransport(SystemProcessRunner.Instance),
            _ => new SimTransport(new RepositoryWorldStore(open, existing)),
        };
        var localNode = new Lazy<string>(() => options.Node ?? DefaultLocalNode(nodes, transport));
        var engine = new FanOutEngine(transport, new FileCommandLog(FileCommandLog.DefaultPath()) { WriteFailed = LogWarnings.To(notice) });
        var dispatcher = new Dispatcher([.. Handlers(options, open), .. CspocHandlers.Create(engine, nodes)], engine,
            new DispatcherOptions { LocalNodeSource = () => localNode.Value, ResourceGroups = nodes });
        return new Runtime(options, transport, dispatcher, localNode);
    }

    public ValueTask DisposeAsync() => Transport.DisposeAsync();

    private static IEnumerable<ICommandHandler> Handlers(RuntimeOptions options, Func<ObjectRepository> open) =>
    [
        new ClmgrHandler(open, new SnapshotRepository(StorePaths.SnapshotDirectory(options.DatabasePath))),
        // Until the cluster manager lands, cluster services are stopped everywhere.
        .. UtilityHandlers.Create(open, StoppedClusterState.Instance),
    ];

    /// <summary>On real hosts (ssh, local) cladmin runs on a cluster node: this machine. On the
    /// simulator it stands in for the first cluster node.</summary>
    private static string DefaultLocalNode(StoreNodes nodes, ITransport transport)
    {
        switch (transport)
        {
            case LocalTransport local:
                return local.LocalNode;
            case SimTransport sim:
                var configured = nodes.All();
                return configured.Count > 0 ? configured[0]
                    : sim.World.Nodes.Count > 0 ? sim.World.Nodes[0].Name : LocalTransport.HostName;
            default:
                return LocalTransport.HostName;
        }
    }

    /// <summary>
    /// The stored world, read now and decoded on the other core while the rest of the runtime is
    /// built (the transport waits for it on first use); null after creating the demo world.
    /// </summary>
    private static async Task<Task<StoredWorld>?> EnsureSimulatedClusterAsync(RuntimeOptions options, Func<ObjectRepository> open, TextWriter notice, CancellationToken cancellationToken)
    {
        using (var repo = open())
        {
            if (repo.LoadWorld(SqliteWorldStore.DefaultWorld) is { } stored)
            {
                return Task.Run(() => new StoredWorld(WorldJson.Deserialize(stored.Json), stored.Version), cancellationToken);
            }
        }
        var store = new RepositoryWorldStore(open);
        var world = WorldBuilder.Build(new WorldOptions(Demo: true));
        if (!store.Save(world, 0).Saved)
        {
            return null; // another cladmin created it at the same moment
        }
        await using (var sim = new SimTransport(store))
        {
            var engine = new FanOutEngine(sim);
            var dispatcher = new Dispatcher(Handlers(options, open), engine, new DispatcherOptions { LocalNode = world.Nodes[0].Name });
            if (await DemoCluster.ConfigureAsync(dispatcher, world, open, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                throw new InvalidOperationException($"the demo cluster could not be configured: {failure}");
            }
        }
        notice.WriteLine($"cladmin: created the demo cluster '{DemoCluster.ClusterName}' ({string.Join(", ", world.Nodes.Select(n => n.Name))}, simulated) in {options.DatabasePath}");
        return null;
    }

    /// <summary>The world in the repository, one connection per call; the first load may use a
    /// document already read.</summary>
    private sealed class RepositoryWorldStore(Func<ObjectRepository> open, Task<StoredWorld>? preloaded = null) : IWorldStore
    {
        private Task<StoredWorld>? _preloaded = preloaded;

        public StoredWorld? Load()
        {
            if (Interlocked.Exchange(ref _preloaded, null) is { } decoding)
            {
                return decoding.GetAwaiter().GetResult();
            }
            using var repo = open();
            return new SqliteWorldStore(repo).Load();
        }

        public WorldSaveResult Save(Sim.Model.SimWorld world, long expectedVersion)
        {
            using var repo = open();
            return new SqliteWorldStore(repo).Save(world, expectedVersion);
        }
    }
}
