package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.JoinMode;
import dev.weft.testing.Testing;
import dev.weft.testing.TestingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class OrderPaymentsTest {

    private static final Path ORDERS = BundledFiles.path("orders.csv");
    private static final Path PAYMENTS = BundledFiles.path("payments.csv");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEveryOrderOnceItIsPaidWithTheDefaultMode(int workers) {
        TestingSink<String> out = new TestingSink<>();

        Testing.run(OrderPayments.build(ORDERS, PAYMENTS, JoinMode.DEFAULT, out), workers);

        assertThat(out.items()).containsExactlyInAnyOrder(
                "order 1001: alice 25.00 paid by card",
                "order 1002: bob 9.99 paid by card",
                "order 1004: alice 12.50 paid by voucher",
                "order 1005: dave 42.00 paid by transfer");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void shouldEmitEveryOrderIdWithWhatItHasAtTheEndOfInputWhenReconciling(int workers) {
        TestingSink<String> out = new TestingSink<>();

        Testing.run(OrderPayments.build(ORDERS, PAYMENTS, OrderPayments.RECONCILE, out), workers);

        assertThat(out.items()).containsExactlyInAnyOrder(
                "order 1001: alice 25.00 paid by card",
                "order 1002: bob 9.99 paid by card",
                "order 1003: carol 120.00 NOT PAID",
                "order 1004: alice 12.50 paid by voucher",
                "order 1005: dave 42.00 paid by transfer",
                "order 1006: bob 3.75 NOT PAID",
                "order 1009: no such order, paid by card");
    }

    @Test
    void shouldPrintThePaidOrdersOfTheBundledFiles() {
        String printed = WordCountTest.printed(() -> Testing.run(OrderPayments.paid(), 3));

        assertThat(printed.lines()).hasSize(4).contains("order 1004: alice 12.50 paid by voucher");
    }

    @Test
    void shouldReadTheFilesItIsGiven() throws IOException {
        Path orders = dir.resolve("orders.csv");
        Path payments = dir.resolve("payments.csv");
        Files.writeString(orders, "order_id,customer,amount\n7,erin,1.50\n8,frank,2.00\n");
        Files.writeString(payments, "order_id,method\n8,cash\n");

        String printed = WordCountTest.printed(() -> Testing.run(
                OrderPayments.reconcile(orders.toString(), payments.toString()), 3));

        assertThat(printed.lines())
                .containsExactlyInAnyOrder("order 7: erin 1.50 NOT PAID", "order 8: frank 2.00 paid by cash");
    }

    @Test
    void shouldRefuseOneFile() {
        assertThatThrownBy(() -> OrderPayments.paid("orders.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the orders and the payments CSV files");
    }
}
