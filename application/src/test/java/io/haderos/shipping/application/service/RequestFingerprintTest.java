package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.sameRequest;
import static io.haderos.shipping.application.service.Fixtures.shipCommand;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint is a contract with every order already stored: the values pinned here may never change. The
 * version 1 value is what the gateway computed for this request before version 2 existed.
 */
class RequestFingerprintTest {

    private static final String KNOWN_V1 = "179b9f04e0c60edc4254848cb9ea10e0c09079ac8020cd8020529a26f08e24b6";
    private static final String KNOWN_V2 = "v2:3e1777b7731b3b950ffc1a5b9acc932f9caa9657ccfdd84e4ba24091c72aced0";

    private final ShipOrderCommand known = shipCommand("ORD-1", "1.2");

    @Test
    void givenAKnownRequest_thenVersionTwoIsItsDocumentedCanonicalForm() {
        assertThat(RequestFingerprint.canonicalForm(known)).isEqualTo("""
                        fingerprint=2
                        shipper=default
                        consignee.name=Sara Ahmed
                        consignee.company=
                        consignee.phone=+966551112233
                        consignee.email=sara@example.com
                        consignee.address.country=SA
                        consignee.address.city=Jeddah
                        consignee.address.line1=Building 7, Al Olaya St
                        consignee.address.line2=Apt 12
                        consignee.address.postal_code=23434
                        parcels=1
                        parcels[0].weight_kg=1.2
                        parcels[0].dimensions_cm=
                        description=Cotton T-shirts
                        declared_value=250 SAR
                        cod=0 SAR
                        service=
                        """);
        assertThat(RequestFingerprint.of(known)).isEqualTo(KNOWN_V2);
    }

    @Test
    void givenAKnownRequest_thenVersionOneIsWhatGatewaysBeforeVersionTwoStored() {
        assertThat(RequestFingerprint.version1(known)).isEqualTo(KNOWN_V1);
    }

    @Test
    void givenTheSameRequestFromAnotherClient_thenBothVersionsAreTheSame() {
        ShipOrderCommand fromAnother = sameRequest(known, ClientId.of("another-client"), LabelFormat.PDF);

        assertThat(RequestFingerprint.of(fromAnother)).isEqualTo(KNOWN_V2);
        assertThat(RequestFingerprint.version1(fromAnother)).isEqualTo(KNOWN_V1);
    }

    @Test
    void givenAnOrderStoredUnderEitherVersion_thenTheSameRequestMatchesAndAnotherDoesNot() {
        ShipOrderCommand heavier = shipCommand("ORD-1", "2.5");

        assertThat(RequestFingerprint.matches(KNOWN_V1, known)).isTrue();
        assertThat(RequestFingerprint.matches(KNOWN_V2, known)).isTrue();
        assertThat(RequestFingerprint.matches(KNOWN_V1, heavier)).isFalse();
        assertThat(RequestFingerprint.matches(KNOWN_V2, heavier)).isFalse();
    }

    @Test
    void givenTheSameValuesWrittenDifferently_thenTheFingerprintIsTheSame() {
        assertThat(RequestFingerprint.of(shipCommand("ORD-1", "1.20"))).isEqualTo(KNOWN_V2);
        ShipOrderCommand explicitZeroCod = new ShipOrderCommand(
                known.orderId(),
                known.shipper(),
                known.consignee(),
                known.parcels(),
                known.description(),
                Money.of("250.0", "SAR"),
                Money.of("0.00", "SAR"),
                known.service(),
                known.client(),
                LabelFormat.PDF);
        assertThat(RequestFingerprint.of(explicitZeroCod)).isEqualTo(KNOWN_V2);
    }

    @Test
    void givenALineBreakInAValue_thenItCannotForgeAnotherField() {
        ShipOrderCommand forged = new ShipOrderCommand(
                known.orderId(),
                known.shipper(),
                known.consignee(),
                known.parcels(),
                "Cotton T-shirts\nservice=EXP",
                known.declaredValue(),
                known.cashOnDelivery(),
                Optional.empty(),
                known.client(),
                LabelFormat.PDF);

        assertThat(RequestFingerprint.canonicalForm(forged)).contains("description=Cotton T-shirts\\nservice=EXP\n");
    }

    @Test
    void givenTheDefaultLabelFormatAskedForExplicitly_thenBothVersionsStayThePinnedOnes() {
        ShipOrderCommand pdf = inFormat(LabelFormat.PDF);

        assertThat(RequestFingerprint.of(pdf)).isEqualTo(KNOWN_V2);
        assertThat(RequestFingerprint.matches(KNOWN_V1, pdf)).isTrue();
        assertThat(RequestFingerprint.matches(KNOWN_V2, pdf)).isTrue();
    }

    @Test
    void givenZplLabels_thenTheFormatTakesPartAndNoOrderStoredForPdfMatches() {
        ShipOrderCommand zpl = inFormat(LabelFormat.ZPL);

        assertThat(RequestFingerprint.canonicalForm(zpl))
                .isEqualTo(RequestFingerprint.canonicalForm(known) + "label_format=zpl\n");
        assertThat(RequestFingerprint.of(zpl)).isNotEqualTo(KNOWN_V2);
        assertThat(RequestFingerprint.matches(KNOWN_V1, zpl)).isFalse();
        assertThat(RequestFingerprint.matches(KNOWN_V2, zpl)).isFalse();
        assertThat(RequestFingerprint.matches(RequestFingerprint.of(zpl), zpl)).isTrue();
    }

    private ShipOrderCommand inFormat(LabelFormat format) {
        return sameRequest(known, known.client(), format);
    }
}
