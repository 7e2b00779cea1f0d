using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Cspoc;
using ClAdmin.Exec.Discovery;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Odm;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Services;
using ClAdmin.Exec.Snapshots;
using ClAdmin.Exec.Ssh;
using ClAdmin.Exec.Sync;
using ClAdmin.Exec.Transport;
using ClAdmin.Exec.Utilities;
using ClAdmin.Exec.Verification;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Model;
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
    /// <summary>On the sim transport, create the demo cluster when no simulated world exists yet
    /// (off for verbs that read or load the configuration as it is: odm).</summary>
    public bool CreateDemo { get; init; } = true;
}

/// <summary>
/// The composition root, and the only place that builds things: the object repository, the
/// transport (simulated nodes, SSH, or this machine), the fan-out engine with its cspoc.log, and
/// the one dispatcher with every command implementation. Dialogs, `cladmin run`, `cladmin cmd`,
/// `cladmin odm`, `cladmin sim` and script replay all go through it.
/// </summary>
public sealed class Runtime : IAsyncDisposable
{
    private readonly SessionNode _localNode;

    private Runtime(RuntimeOptions options, ITransport transport, FanOutEngine fanOut, Dispatcher dispatcher, StoreNodes nodes, SessionNode localNode)
    {
        Options = options;
        Transport = transport;
        FanOut = fanOut;
        Dispatcher = dispatcher;
        Nodes = nodes;
        _localNode = localNode;
    }

    public RuntimeOptions Options { get; }
    public ITransport Transport { get; }
    /// <summary>The fan-out engine every command on nodes goes through (it writes cspoc.log).</summary>
    public FanOutEngine FanOut { get; }
    public Dispatcher Dispatcher { get; }
    /// <summary>The cluster's nodes and resource groups, as node groups (@all, @RG) and -cspoc -g see them.</summary>
    public StoreNodes Nodes { get; }
    /// <summary>The simulated nodes, when commands run on them (the sim transport); null otherwise.</summary>
    public SimTransport? Simulation => Transport as SimTransport;
    /// <summary>The node commands run on when none is named (found when first asked).</summary>
    public string LocalNode => _localNode.Value;

    /// <summary>Opens a new connection to the repository (the caller disposes it).</summary>
    public ObjectRepository OpenRepository() => RepositoryAt(Options.DatabasePath)();

    /// <summary>How every verb opens the repository at <paramref name="databasePath"/>, runtime or not.</summary>
    public static Func<ObjectRepository> RepositoryAt(string databasePath) => () => ObjectRepository.Open(databasePath);

    /// <summary>The cluster's nodes and groups as the repository at <paramref name="databasePath"/> names them, for verbs without a runtime.</summary>
    public static StoreNodes NodesAt(string databasePath) => new(RepositoryAt(databasePath));

    /// <summary>
    /// Builds the runtime. With the sim transport and no simulated world yet, the demo cluster is
    /// created first, through the runtime's own dispatcher, and <paramref name="notice"/> says so in one line.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be used (not ClAdmin's, newer, busy).</exception>
    public static async Task<Runtime> CreateAsync(RuntimeOptions options, TextWriter notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notice);
        var open = RepositoryAt(options.DatabasePath);
        var nodes = NodesAt(options.DatabasePath);
        SimWorld? demo = null;
        ObjectRepository? held = null;
        ITransport transport;
        switch (options.Transport)
        {
            case "ssh":
                transport = new SshTransport(SystemProcessRunner.Instance, new SshOptions
                {
                    ConfigFile = options.SshConfig,
                    ConnectTimeout = options.ConnectTimeout,
                    Addresses = nodes,
                    StopGrace = TimeSpan.FromSeconds(3), // more than the session watcher's 2 s from TERM to KILL
                });
                break;
            case "local":
                transport = new LocalTransport(SystemProcessRunner.Instance);
                break;
            default:
                held = open();
                Func<StoredWorld>? stored;
                try
                {
                    (stored, demo) = LoadOrCreateWorld(held, open, options.CreateDemo);
                }
                catch
                {
                    held.Dispose();
                    throw;
                }
                transport = new SimTransport(new RepositoryWorldStore(open, stored)) { Prepare = world => ReconcileManagers(world, open) };
                break;
        }
        // On the simulator, its cluster managers answer; on real hosts nothing is invented: the
        // state utilities (clRGinfo, clstat, ...) and start/stop commands run on the node itself.
        var simulation = transport as SimTransport;
        IClusterServices? services = simulation is null ? null : new SimClusterServices(simulation, open, RulePlacement.Instance);
        IClusterState state = simulation is null ? StoppedClusterState.Instance : new SimClusterState(simulation, open);
        var localNode = new SessionNode(() => options.Node ?? DefaultLocalNode(nodes, transport));
        var engine = new FanOutEngine(transport, new FileCommandLog(FileCommandLog.DefaultPath()) { WriteFailed = LogWarnings.To(notice) });
        var discovery = new DiscoveryHandler(engine, nodes, open);
        // Snapshots are files of the node cladmin runs from: on the simulator, that node's own file tree.
        var snapshots = new SnapshotRepository(transport is SimTransport simulated
            ? new SimNodeFiles(simulated, () => localNode.Value, StorePaths.SnapshotDirectory())
            : new DirectorySnapshotFiles(StorePaths.SnapshotDirectory()));
        var verification = new ClusterVerification(new FactsCollector(engine), ClusterVerification.LogBeside(FileCommandLog.DefaultPath()), () => localNode.Value)
        {
            WriteFailed = LogWarnings.To(notice),
            ActiveConfiguration = () =>
            {
                using var repo = open();
                return repo.LoadConfiguration(ConfigDirectory.Active);
            },
        };
        var sync = new ClusterSync(open, engine, snapshots, verification, () => localNode.Value, ClusterSync.DirectoryFromEnvironment()) { Dare = services as IDynamicReconfiguration };
        Dispatcher? dispatcher = null;
        // Applying a snapshot ends as every configuration change does: clmgr sync cluster (verify, then synchronize).
        Func<CancellationToken, Task<CommandResult>> verifyAndSynchronize = ct => dispatcher!.RunAsync(new CommandRequest("clmgr sync cluster"), ct);
        dispatcher = new Dispatcher(
            [
                new ClmgrHandler(open, snapshots, discovery.DiscoverAsync)
                {
                    Services = services,
                    Verification = verification,
                    Sync = sync,
                    VerifyAndSynchronize = verifyAndSynchronize,
                },
                new CldareHandler(sync),
                new ReleaseLocksHandler(sync),
                new ClautoverHandler(open, verification, engine),
                new OdmHandler(open),
                .. (simulation is null ? UtilityHandlers.CreateForNodes(open, engine) : UtilityHandlers.Create(open, state)),
                .. (services is null ? [] : new ICommandHandler[] { new ServicesHandler(services, verification), new RgMoveHandler(services), new CltestoolHandler(services, state, open) }),
                .. (simulation is null || services is not SimClusterServices simServices ? [] : new ICommandHandler[]
                {
                    new MenuTools(simulation, simServices, localNode, open, (request, ct) => dispatcher!.RunAsync(request, ct)),
                    new SimMenuTools(simulation, simServices, open, (request, ct) => dispatcher!.RunAsync(request, ct), options.DatabasePath),
                }),
                new ClpasswdHandler(engine, nodes, nodes),
                new ClrgdependencyCommand(open),
                .. CspocHandlers.Create(engine, nodes),
                new AvailabilityCommand(open, engine),
                discovery,
                new ClsnapshotHandler(new SnapshotService(open, snapshots, verifyAndSynchronize), () =>
                {
                    var restored = sync.RestoreFromActive();
                    return CommandResult.Local(restored.Status == SyncStatus.Ok ? 0 : 1, restored.Stdout, restored.Stderr);
                }),
            ],
            engine,
            new DispatcherOptions { LocalNodeSource = () => localNode.Value, ResourceGroups = nodes });
        var runtime = new Runtime(options, transport, engine, dispatcher, nodes, localNode) { ClusterServices = services as SimClusterServices, _held = held };
        if (demo is not null)
        {
            if (await DemoCluster.ConfigureAsync(dispatcher, demo, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                await runtime.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"the demo cluster could not be configured: {failure}");
            }
            notice.WriteLine($"cladmin: created the demo cluster '{DemoCluster.ClusterName}' ({string.Join(", ", demo.Nodes.Select(n => n.Name))}, simulated) in {options.DatabasePath}");
        }
        return runtime;
    }

    /// <summary>
    /// On the simulator, a connection to the repository held for the runtime's life, unused once the world
    /// is read: every other connection is opened and closed around one call, and SQLite checkpoints
    /// the WAL into the database and deletes it whenever its last connection closes (two fsyncs,
    /// then a new -wal and -shm at the next open). Held, the runtime's repository is checkpointed
    /// once, when it ends, leaving the file whole for a copy. An idle connection locks nothing.
    /// </summary>
    private ObjectRepository? _held;

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync().ConfigureAwait(false);
        _held?.Dispose();
    }

    /// <summary>The simulated nodes' cluster services and event engine (null on real hosts): sim mode, step, settle, clock.</summary>
    public SimClusterServices? ClusterServices { get; private init; }

    /// <summary>R-CM: a simulated node's clstrmgrES is NOT_CONFIGURED until the node is in the
    /// synchronized configuration (the ACD), ST_INIT from then on while its services are stopped.</summary>
    internal static void ReconcileManagers(SimWorld world, Func<ObjectRepository> open)
    {
        using var repo = open();
        ClusterManager.Reconcile(world, [.. repo.LoadConfiguration(ConfigDirectory.Active).Nodes.Select(n => n.Name)]);
    }

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
                    : sim.TryWorld() is { Nodes.Count: > 0 } world ? world.Nodes[0].Name : LocalTransport.HostName;
            default:
                return LocalTransport.HostName;
        }
    }

    /// <summary>
    /// The stored world, read now and decoded when the transport first needs it (a command that
    /// never reaches a node never decodes it). Not on another thread: two threads allocating at once
    /// contend for the GC's allocation lock, and on a busy machine the main thread slept 5 ms at a
    /// time for it (15-20 ms a run at 64 nodes). With none stored, the demo world is built
    /// and saved, and returned to be configured as a cluster (null when another cladmin created a
    /// world at the same moment: that one is used).
    /// </summary>
    private static (Func<StoredWorld>? Stored, SimWorld? Demo) LoadOrCreateWorld(ObjectRepository repo, Func<ObjectRepository> open, bool createDemo)
    {
        if (repo.LoadWorld(SqliteWorldStore.DefaultWorld) is { } stored)
        {
            return (() => RepositoryWorldStore.Decode(stored, open), null);
        }
        if (!createDemo)
        {
            return (null, null);
        }
        var world = WorldBuilder.Build(new WorldOptions(Demo: true));
        return new RepositoryWorldStore(open).Save(world, 0).Saved ? (null, world) : (null, null);
    }
}
