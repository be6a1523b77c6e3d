package com.tradeflow.nacos.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.config.remote.request.ConfigQueryRequest;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.grpc.auto.BiRequestStreamGrpc;
import com.alibaba.nacos.api.grpc.auto.Metadata;
import com.alibaba.nacos.api.grpc.auto.Payload;
import com.alibaba.nacos.api.grpc.auto.RequestGrpc;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.alibaba.nacos.api.naming.remote.request.InstanceRequest;
import com.alibaba.nacos.api.remote.request.ConnectionSetupRequest;
import com.alibaba.nacos.api.remote.request.ServerCheckRequest;
import com.alibaba.nacos.api.remote.request.SetupAckRequest;
import com.alibaba.nacos.api.remote.response.Response;
import com.alibaba.nacos.api.remote.response.ServerCheckResponse;
import com.alibaba.nacos.common.remote.client.grpc.GrpcUtils;
import com.alibaba.nacos.shaded.com.google.protobuf.Any;
import com.alibaba.nacos.shaded.com.google.protobuf.ByteString;
import com.alibaba.nacos.shaded.io.grpc.ManagedChannel;
import com.alibaba.nacos.shaded.io.grpc.ManagedChannelBuilder;
import com.alibaba.nacos.shaded.io.grpc.stub.StreamObserver;
import com.tradeflow.nacos.devserver.support.NacosClients;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed and unknown gRPC payloads, sent on a raw channel that never set up a bi-stream (as a broken or
 * foreign client would): each gets a Nacos error response and the server keeps serving real clients.
 */
class GrpcBadInputIT {

    private static NacosDevServer server;
    private static ManagedChannel channel;
    private static RequestGrpc.RequestBlockingStub stub;

    @BeforeAll
    static void start() {
        server = NacosDevServer.start(DevServerOptions.defaults().withPort(0));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
                .usePlaintext()
                .build();
        stub = RequestGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void shouldAnswerServerCheckWithAConnectionId() {
        Response response = (Response) GrpcUtils.parse(stub.request(GrpcUtils.convert(new ServerCheckRequest())));
        assertThat(response).isInstanceOf(ServerCheckResponse.class);
        assertThat(((ServerCheckResponse) response).getConnectionId()).isNotBlank();
    }

    @Test
    void shouldAnswerNoHandlerForAnUnknownRequestType() {
        Payload unknown = Payload.newBuilder()
                .setMetadata(Metadata.newBuilder().setType("FrobnicateRequest").build())
                .setBody(
                        Any.newBuilder().setValue(ByteString.copyFromUtf8("{}")).build())
                .build();
        Response response = (Response) GrpcUtils.parse(stub.request(unknown));
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getErrorCode()).isEqualTo(NacosException.NO_HANDLER);
    }

    @Test
    void shouldRefuseRequestsOnAConnectionThatNeverSetUpItsStream() {
        Response response = (Response) GrpcUtils.parse(stub.request(GrpcUtils.convert(new ConfigQueryRequest())));
        assertThat(response.getErrorCode()).isEqualTo(NacosException.UN_REGISTER);
    }

    @Test
    void shouldKeepServingRealClientsAfterBadInput() throws Exception {
        stub.request(Payload.newBuilder()
                .setMetadata(Metadata.newBuilder().setType("InstanceRequest").build())
                .setBody(Any.newBuilder()
                        .setValue(ByteString.copyFromUtf8("{not json"))
                        .build())
                .build());
        try (NacosClients clients = new NacosClients(server.address())) {
            assertThat(clients.config().publishConfig("after.bad", "G", "fine")).isTrue();
            assertThat(clients.naming().getAllInstances("nothing")).isEmpty();
        }
    }

    @Test
    void shouldRefuseAMalformedBodyAndAnInstanceWithoutIpOnARegisteredConnection() throws Exception {
        // a raw channel that sets up its bi-stream like a client, then sends what no real client would
        ManagedChannel raw = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort())
                .usePlaintext()
                .build();
        try {
            RequestGrpc.RequestBlockingStub rawStub =
                    RequestGrpc.newBlockingStub(raw).withDeadlineAfter(10, TimeUnit.SECONDS);
            rawStub.request(GrpcUtils.convert(new ServerCheckRequest()));
            CountDownLatch acked = new CountDownLatch(1);
            StreamObserver<Payload> stream = BiRequestStreamGrpc.newStub(raw).requestBiStream(new StreamObserver<>() {
                @Override
                public void onNext(Payload value) {
                    if (GrpcUtils.parse(value) instanceof SetupAckRequest) {
                        acked.countDown();
                    }
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onCompleted() {}
            });
            ConnectionSetupRequest setup = new ConnectionSetupRequest();
            setup.setClientVersion("raw-test");
            setup.setAbilityTable(Map.of());
            stream.onNext(GrpcUtils.convert(setup));
            assertThat(acked.await(5, TimeUnit.SECONDS)).isTrue();

            Response malformed = (Response) GrpcUtils.parse(rawStub.request(Payload.newBuilder()
                    .setMetadata(
                            Metadata.newBuilder().setType("InstanceRequest").build())
                    .setBody(Any.newBuilder()
                            .setValue(ByteString.copyFromUtf8("{not json"))
                            .build())
                    .build()));
            assertThat(malformed.getErrorCode()).isEqualTo(NacosException.BAD_GATEWAY);

            Response noIp = (Response) GrpcUtils.parse(rawStub.request(GrpcUtils.convert(
                    new InstanceRequest("public", "svc", "DEFAULT_GROUP", "registerInstance", new Instance()))));
            assertThat(noIp.getErrorCode()).isEqualTo(NacosException.INVALID_PARAM);
            assertThat(server.naming().instanceCount()).isZero();
            stream.onCompleted();
        } finally {
            raw.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
