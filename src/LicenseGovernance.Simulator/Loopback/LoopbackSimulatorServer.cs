using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Simulator.Http;

namespace LicenseGovernance.Simulator
{
    /// <summary>Serves a simulated tenant on http://127.0.0.1:{port}/v1.0/ through the same pipeline as the in-process handler.</summary>
    public sealed class LoopbackSimulatorServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly RequestPipeline _pipeline;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Task _acceptLoop;

        private LoopbackSimulatorServer(HttpListener listener, RequestPipeline pipeline, int port)
        {
            _listener = listener;
            _pipeline = pipeline;
            BaseAddress = new Uri($"http://127.0.0.1:{port}/v1.0/");
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public Uri BaseAddress { get; }

        public static LoopbackSimulatorServer Start(SimulatedTenant tenant, int port = 0)
        {
            if (tenant == null)
            {
                throw new ArgumentNullException(nameof(tenant));
            }

            // HttpListener cannot bind port 0, so a free port is found first; a race with another process is retried.
            for (var attempt = 0; ; attempt++)
            {
                var chosen = port != 0 ? port : FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
                try
                {
                    listener.Start();
                    return new LoopbackSimulatorServer(listener, tenant.Pipeline, chosen);
                }
                catch (HttpListenerException) when (port == 0 && attempt < 5)
                {
                    listener.Close();
                }
            }
        }

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Close();
            try
            {
                _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends by the listener throwing once closed; nothing remains to report.
            }

            _stopping.Dispose();
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(context));
            }
        }

        private async Task ServeAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var response = context.Response;
            try
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string? name in request.Headers.AllKeys)
                {
                    if (name != null)
                    {
                        headers[name] = request.Headers[name] ?? string.Empty;
                    }
                }

                byte[]? body = null;
                if (request.HasEntityBody)
                {
                    using var buffer = new MemoryStream();
                    await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
                    body = buffer.ToArray();
                }

                var result = await _pipeline.SendAsync(new SimRequest(request.HttpMethod, request.Url!, headers, body), _stopping.Token).ConfigureAwait(false);
                response.StatusCode = result.Status;
                foreach (var header in result.Headers)
                {
                    response.AddHeader(header.Key, header.Value);
                }

                if (result.Body != null)
                {
                    response.ContentType = result.ContentType == "text/plain" ? "text/plain; charset=utf-8" : result.ContentType;
                    response.ContentLength64 = result.Body.Length;
                    await response.OutputStream.WriteAsync(result.Body, 0, result.Body.Length).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is HttpListenerException || e is IOException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                // The client went away or the server is stopping; there is no one left to answer.
            }
            finally
            {
                try
                {
                    response.Close();
                }
                catch (ObjectDisposedException)
                {
                    // Already closed by the listener shutting down.
                }
            }
        }
    }
}
