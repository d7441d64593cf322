using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// What every user's offboarding in one run shares: the request, the tenant's SKUs with their prices, the licence
    /// sources and the removal run (groups read once), the legal holds, the -Manager given, and the journal.
    /// Built by <see cref="CreateAsync"/>, which refuses bad input before anything is read or written.
    /// </summary>
    internal sealed class OffboardingContext
    {
        private static readonly Regex Address = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.Compiled);

        private OffboardingContext(GraphSession session, StartLicenseOffboardingRequest request, IReadOnlyList<LicenseSku> skus, OffboardingJournal journal, IGovernanceSink sink, LicenseSources sources, User? manager)
        {
            Session = session;
            Request = request;
            Skus = skus;
            Journal = journal;
            Sink = sink;
            Sources = sources;
            Manager = manager;
            Removals = new LicenseRemovalRun(skus);
            Holds = new LegalHoldReader(session);
        }

        public GraphSession Session { get; }

        public StartLicenseOffboardingRequest Request { get; }

        public IReadOnlyList<LicenseSku> Skus { get; }

        public OffboardingJournal Journal { get; }

        public IGovernanceSink Sink { get; }

        public LicenseSources Sources { get; }

        public LicenseRemovalRun Removals { get; }

        public LegalHoldReader Holds { get; }

        /// <summary>The -Manager given, resolved; null means each user's own manager from Entra.</summary>
        public User? Manager { get; }

        /// <summary>Checks the request, resolves -Manager and reads the licence sources; throws the catalogue's error for bad input.</summary>
        public static async Task<OffboardingContext> CreateAsync(GraphSession session, StartLicenseOffboardingRequest request, IReadOnlyList<LicenseSku> skus, OffboardingJournal journal, IGovernanceSink sink)
        {
            Validate(session, request);
            User? manager = null;
            if (request.Manager != null)
            {
                manager = await OffboardingReader.UserAsync(session, request.Manager.Trim(), sink.Cancellation).ConfigureAwait(false)
                    ?? throw Errors.OffboardingManagerNotFound(request.Manager).ToException();
            }

            var sources = await LicenseSources.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            return new OffboardingContext(session, request, skus, journal, sink, sources, manager);
        }

        private static void Validate(GraphSession session, StartLicenseOffboardingRequest request)
        {
            if (request.User == null || request.User.All(string.IsNullOrWhiteSpace))
            {
                throw Errors.OffboardingUserMissing().ToException();
            }

            foreach (var address in new[] { request.NotifyEmail, request.SenderMailbox }.OfType<string>())
            {
                if (!Address.IsMatch(address.Trim()))
                {
                    throw Errors.OffboardingNotifyEmailInvalid(address).ToException();
                }
            }

            if (request.NotifyEmail != null && request.SenderMailbox == null && session.AppOnly)
            {
                throw Errors.OffboardingSenderRequired(request.NotifyEmail).ToException();
            }

            if (request.ConvertMailboxToShared && request.Exchange == null)
            {
                throw Errors.OffboardingExchangeNotConnected().ToException();
            }
        }

        public LicenseSku? Sku(Guid skuId) => Skus.FirstOrDefault(s => s.SkuId == skuId);
    }
}
